package dev.ficus.aws;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import dev.ficus.model.AwsEffect;
import dev.ficus.model.LambdaFunction;
import dev.ficus.testing.TestRepo;
import java.util.List;

/** Runs the effect analysis on a test repository and prints effects as one line each. */
final class EffectsTesting {

  private EffectsTesting() {}

  /** {@code PutItem dynamodb:PutItem arn:...:table/Orders (literal)}: what the specifications compare. */
  static String line(AwsEffect e) {
    return e.operation() + " " + String.join(",", e.iamActions()) + " " + e.resource().arn()
        + " (" + e.resource().resolution() + ")";
  }

  static List<String> lines(List<AwsEffect> effects) {
    return effects.stream().map(EffectsTesting::line).sorted().toList();
  }

  /** The analyzer of a loaded repository, with the graph built once. */
  static EffectAnalyzer analyzer(TestRepo.Loaded repo) {
    SdkCatalog catalog = SdkCatalog.load();
    return new EffectAnalyzer(repo.workspace(), repo.iac(), catalog, EffectAnalyzer.graphOf(repo.workspace(), catalog));
  }

  /** The method {@code Class#method} of the repository (the first of that name). */
  static MethodDeclaration method(TestRepo.Loaded repo, String handler) {
    String type = handler.substring(0, handler.indexOf('#'));
    String name = handler.substring(handler.indexOf('#') + 1);
    TypeDeclaration<?> decl = repo.workspace().findType(type).orElseThrow();
    return decl.getMethodsByName(name).get(0);
  }

  /** Effects of a route whose entry code is the whole handler method. */
  static List<AwsEffect> effectsOf(TestRepo.Loaded repo, String handler, LambdaFunction function) {
    List<Node> entry = List.of(method(repo, handler));
    return analyzer(repo).effectsOf(handler, entry, function);
  }

  static List<String> linesOf(TestRepo.Loaded repo, String handler) {
    return lines(effectsOf(repo, handler, null));
  }
}
