package dev.ficus.aws;

import static dev.ficus.aws.EffectsTesting.effectsOf;
import static dev.ficus.aws.EffectsTesting.lines;
import static dev.ficus.aws.EffectsTesting.linesOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.model.Diagnostic;
import dev.ficus.model.LambdaFunction;
import dev.ficus.testing.TestRepo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A DynamoDBMapper whose config overrides table names reads and writes the overriding table, not
 * the one its {@code @DynamoDBTable} names; a config ficus cannot read keeps the annotation's
 * table with a warning.
 */
class MapperTableNamesTest {

  private static final String TABLE = "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/";

  private static final String ITEM = """
      package com.acme;
      import com.amazonaws.services.dynamodbv2.datamodeling.*;
      @DynamoDBTable(tableName = "items")
      public class Item { @DynamoDBHashKey String id; }
      """;

  private static TestRepo repo(String store) {
    return TestRepo.create().java("com/acme/Item.java", ITEM).java("com/acme/Store.java", store);
  }

  private static List<String> overrideWarnings(TestRepo.Loaded repo) {
    return repo.diagnostics().sorted().stream().filter(d -> d.code().equals("table-name-override"))
        .map(Diagnostic::message).toList();
  }

  @Test
  void aReplacementFromAnEnvironmentVariableThatTheTemplateSets() {
    TestRepo.Loaded repo = repo("""
            package com.acme;
            import com.amazonaws.services.dynamodbv2.AmazonDynamoDBClientBuilder;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig.TableNameOverride;
            public class Store {
              private final DynamoDBMapper mapper = new DynamoDBMapper(AmazonDynamoDBClientBuilder.defaultClient(),
                  DynamoDBMapperConfig.builder()
                      .withTableNameOverride(TableNameOverride.withTableNameReplacement(System.getenv("TABLE")))
                      .build());
              public Object handleRequest(String id, Object context) { return mapper.load(Item.class, id); }
            }
            """)
        .file("template.yaml", """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Api:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: com.acme.Store::handleRequest
                  Runtime: java17
                  Environment:
                    Variables:
                      TABLE: !Ref ItemsTable
              ItemsTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: items-prod
            """)
        .load();
    LambdaFunction function = repo.iac().functionsForClass("com.acme.Store").get(0);
    assertThat(lines(effectsOf(repo, "com.acme.Store#handleRequest", function)))
        .containsExactly("GetItem dynamodb:GetItem " + TABLE + "items-prod (iac)");
    assertThat(overrideWarnings(repo)).isEmpty();
  }

  @Test
  void aPrefixFromAConstantGoesBeforeTheAnnotationsName() {
    TestRepo.Loaded repo = repo("""
            package com.acme;
            import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
            public class Store {
              private static final String STAGE = "dev-";
              private final DynamoDBMapper mapper;
              public Store(AmazonDynamoDB client) {
                DynamoDBMapperConfig config = new DynamoDBMapperConfig(
                    DynamoDBMapperConfig.TableNameOverride.withTableNamePrefix(STAGE));
                this.mapper = new DynamoDBMapper(client, config);
              }
              public void put(Item item) { mapper.save(item); }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Store#put"))
        .containsExactly("UpdateItem dynamodb:UpdateItem " + TABLE + "dev-items (constant)");
  }

  @Test
  void aConfigGivenToTheCallOverridesTheMappers() {
    TestRepo.Loaded repo = repo("""
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig.TableNameOverride;
            public class Store {
              private final DynamoDBMapper mapper = new DynamoDBMapper(null);
              private final DynamoDBMapperConfig archive = new DynamoDBMapperConfig(new TableNameOverride("items-archive"));
              public Object get(String id) { return mapper.load(Item.class, id, archive); }
              public void put(Item item) { mapper.save(item); }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Store#get"))
        .containsExactly("GetItem dynamodb:GetItem " + TABLE + "items-archive (literal)");
    assertThat(linesOf(repo, "com.acme.Store#put"))
        .containsExactly("UpdateItem dynamodb:UpdateItem " + TABLE + "items (literal)");
  }

  @Test
  void aConfigBeanWithALocalBuilderOverridesTheRepositoriesOfSpringData() {
    TestRepo.Loaded repo = TestRepo.create()
        .java("com/acme/Item.java", ITEM)
        .java("com/acme/DynamoConfig.java", """
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
            import org.socialsignin.spring.data.dynamodb.repository.config.EnableDynamoDBRepositories;
            import org.springframework.context.annotation.Bean;
            @EnableDynamoDBRepositories(dynamoDBMapperConfigRef = "dynamoDBMapperConfig")
            public class DynamoConfig {
              private static final String PREFIX = "test.";
              @Bean
              public DynamoDBMapperConfig dynamoDBMapperConfig() {
                DynamoDBMapperConfig.Builder builder = new DynamoDBMapperConfig.Builder();
                builder.setTableNameOverride(DynamoDBMapperConfig.TableNameOverride.withTableNamePrefix(PREFIX));
                return builder.build();
              }
            }
            """)
        .java("com/acme/ItemRepository.java", """
            package com.acme;
            import org.springframework.data.repository.CrudRepository;
            public interface ItemRepository extends CrudRepository<Item, String> {}
            """)
        .java("com/acme/Items.java", """
            package com.acme;
            public class Items {
              private final ItemRepository items;
              public Items(ItemRepository items) { this.items = items; }
              public Object get(String id) { return items.findById(id); }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Items#get"))
        .containsExactly("GetItem dynamodb:GetItem " + TABLE + "test.items (constant)");
  }

  @Test
  void aMapperFromABeanMethodIsFollowedToItsConfig() {
    TestRepo.Loaded repo = repo("""
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig.TableNameOverride;
            public class Store {
              @org.springframework.beans.factory.annotation.Autowired
              private DynamoDBMapper mapper;
              public void delete(Item item) { mapper.delete(item); }
            }
            """)
        .java("com/acme/Beans.java", """
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig.TableNameOverride;
            public class Beans {
              @org.springframework.context.annotation.Bean
              public DynamoDBMapper mapper() {
                return new DynamoDBMapper(null, DynamoDBMapperConfig.builder()
                    .withTableNameOverride(TableNameOverride.withTableNameReplacement("shared-items")).build());
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Store#delete"))
        .containsExactly("DeleteItem dynamodb:DeleteItem " + TABLE + "shared-items (literal)");
  }

  @Test
  void aConfigFicusCannotReadKeepsTheAnnotationsTableWithAWarning() {
    TestRepo.Loaded repo = repo("""
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
            public class Store {
              private final DynamoDBMapper mapper;
              public Store(StageNames names) {
                this.mapper = new DynamoDBMapper(null, DynamoDBMapperConfig.builder()
                    .withTableNameResolver(names).build());
              }
              public Object get(String id) { return mapper.load(Item.class, id); }
            }
            """)
        .java("com/acme/StageNames.java", """
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
            public class StageNames extends DynamoDBMapperConfig.DefaultTableNameResolver {}
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Store#get"))
        .containsExactly("GetItem dynamodb:GetItem " + TABLE + "items (literal)");
    assertThat(overrideWarnings(repo)).singleElement().asString()
        .contains("table name resolver `names`", "annotation's table");
  }

  @Test
  void aMapperWithoutConfigUsesTheAnnotationWithoutWarning() {
    TestRepo.Loaded repo = repo("""
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            public class Store {
              private final DynamoDBMapper mapper = new DynamoDBMapper(null);
              public Object get(String id) { return mapper.load(Item.class, id); }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Store#get"))
        .containsExactly("GetItem dynamodb:GetItem " + TABLE + "items (literal)");
    assertThat(overrideWarnings(repo)).isEmpty();
  }

  @Test
  void aMapperOfUnknownOriginInARepositoryThatOverridesTableNamesWarns() {
    TestRepo.Loaded repo = repo("""
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.IDynamoDBMapper;
            public class Store {
              private final IDynamoDBMapper mapper;
              public Store(IDynamoDBMapper mapper) { this.mapper = mapper; }
              public Object get(String id) { return mapper.load(Item.class, id); }
            }
            """)
        .java("com/acme/Stages.java", """
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig.TableNameOverride;
            final class Stages {
              static TableNameOverride of(String stage) { return TableNameOverride.withTableNamePrefix(stage + "-"); }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Store#get"))
        .containsExactly("GetItem dynamodb:GetItem " + TABLE + "items (literal)");
    assertThat(overrideWarnings(repo)).singleElement().asString().contains("overrides table names somewhere");
  }

  @Test
  void configsThatSetSomethingElseKeepTheAnnotationsTableWithoutWarning() {
    TestRepo.Loaded repo = repo("""
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
            public class Store {
              private final DynamoDBMapper mapper = new DynamoDBMapper(null, DynamoDBMapperConfig.builder()
                  .withConsistentReads(DynamoDBMapperConfig.ConsistentReads.CONSISTENT).build());
              public void put(Item item) {
                mapper.save(item, DynamoDBMapperConfig.SaveBehavior.CLOBBER.config());
                mapper.save(item, new DynamoDBMapperConfig(DynamoDBMapperConfig.SaveBehavior.UPDATE));
                mapper.delete(item, DynamoDBMapperConfig.DEFAULT);
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Store#put")).containsExactly(
        "DeleteItem dynamodb:DeleteItem " + TABLE + "items (literal)",
        "UpdateItem dynamodb:UpdateItem " + TABLE + "items (literal)",
        "UpdateItem dynamodb:UpdateItem " + TABLE + "items (literal)");
    assertThat(overrideWarnings(repo)).isEmpty();
  }

  @Test
  void anOverridesOwnConfigIsThatOverride() {
    TestRepo.Loaded repo = repo("""
            package com.acme;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
            import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig.TableNameOverride;
            public class Store {
              private final DynamoDBMapper mapper = new DynamoDBMapper(null);
              public Object get(String id) {
                return mapper.load(Item.class, id, TableNameOverride.withTableNamePrefix("qa_").config());
              }
            }
            """)
        .load();
    assertThat(linesOf(repo, "com.acme.Store#get"))
        .containsExactly("GetItem dynamodb:GetItem " + TABLE + "qa_items (literal)");
  }
}
