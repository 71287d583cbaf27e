package dev.ficus.scaffold;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A Gradle lambdalith's declared libraries, read as a Maven monolith's would be. */
class GradleBuildTest {

  @Test
  void groovyScriptWithAnExtVersionCompileOnlyLombokAndAToolchain() {
    MonolithPom build = GradleBuild.parse("""
        plugins {
            id 'java'
            id 'com.github.johnrengelman.shadow' version '8.1.1'
        }
        group = 'com.example'
        version = '1.0-SNAPSHOT'
        java { toolchain { languageVersion.set(JavaLanguageVersion.of(21)) } }
        ext {
            awsSdkVersion = '2.25.13'
        }
        dependencies {
            implementation 'com.amazonaws:aws-lambda-java-core:1.2.3'
            implementation "software.amazon.awssdk:dynamodb:$awsSdkVersion"
            // implementation 'com.example:commented-out:1.0'
            compileOnly 'org.projectlombok:lombok:1.18.34'
            annotationProcessor 'org.projectlombok:lombok:1.18.34'
            runtimeOnly 'ch.qos.logback:logback-classic:1.5.18'
            testImplementation 'org.junit.jupiter:junit-jupiter:5.10.2'
        }
        tasks.named('shadowJar') { archiveFileName = "lambda.jar" }
        """, "", "users");
    assertThat(build.groupId()).isEqualTo("com.example");
    assertThat(build.artifactId()).isEqualTo("users");
    assertThat(build.properties())
        .containsEntry("awsSdkVersion", "2.25.13")
        .containsEntry("maven.compiler.release", "21")
        .doesNotContainKey("archiveFileName");
    assertThat(build.dependencies())
        .extracting(d -> d.key() + " " + d.version() + " " + d.scope())
        .containsExactly(
            "com.amazonaws:aws-lambda-java-core 1.2.3 null",
            "software.amazon.awssdk:dynamodb ${awsSdkVersion} null",
            "org.projectlombok:lombok 1.18.34 provided",
            "ch.qos.logback:logback-classic 1.5.18 runtime",
            "org.junit.jupiter:junit-jupiter 5.10.2 test");
    assertThat(build.versionOf("software.amazon.awssdk:dynamodb")).contains("2.25.13");
  }

  @Test
  void kotlinScriptWithAPlatformBillOfMaterialsAndVersionlessModules() {
    MonolithPom build = GradleBuild.parse("""
        val sdkVersion: String by extra("2.28.1")
        java { sourceCompatibility = JavaVersion.VERSION_17 }
        dependencies {
            implementation(platform("software.amazon.awssdk:bom:${sdkVersion}"))
            implementation("software.amazon.awssdk:s3")
            implementation(group = "com.fasterxml.jackson.core", name = "jackson-databind", version = "2.17.0")
        }
        """, "", "files");
    assertThat(build.importsBomOf("software.amazon.awssdk")).isTrue();
    assertThat(build.versionOf("software.amazon.awssdk:bom")).contains("2.28.1");
    assertThat(build.properties()).containsEntry("maven.compiler.release", "17");
    assertThat(build.dependencies())
        .extracting(d -> d.key() + " " + d.version())
        .containsExactly("software.amazon.awssdk:s3 null", "com.fasterxml.jackson.core:jackson-databind 2.17.0");
  }

  @Test
  void anOldCompileListAndVersionsFromGradleProperties() {
    MonolithPom build = GradleBuild.parse("""
        apply plugin: 'java'
        sourceCompatibility = 1.8
        dependencies {
            compile (
                'com.amazonaws:aws-lambda-java-core:1.1.0',
                'com.amazonaws:aws-lambda-java-events:1.1.0'
            )
            compile "com.amazonaws:aws-java-sdk-dynamodb:${awsVersion}"
        }
        """, "awsVersion=1.12.700\n", "items");
    assertThat(build.properties()).containsEntry("awsVersion", "1.12.700").containsEntry("maven.compiler.release", "8");
    assertThat(build.dependencies())
        .extracting(MonolithPom.Dependency::key)
        .containsExactly(
            "com.amazonaws:aws-lambda-java-core",
            "com.amazonaws:aws-lambda-java-events",
            "com.amazonaws:aws-java-sdk-dynamodb");
    assertThat(build.versionOf("com.amazonaws:aws-java-sdk-dynamodb")).contains("1.12.700");
  }
}
