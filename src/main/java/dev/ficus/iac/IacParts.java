package dev.ficus.iac;

import dev.ficus.model.IacResource;
import dev.ficus.model.LambdaFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one reader found in one file, before {@link IacReader} combines the files. */
final class IacParts {

  final String file;
  final List<LambdaFunction> functions = new ArrayList<>();
  final List<IacResource> resources = new ArrayList<>();
  final Map<String, String> parameters = new LinkedHashMap<>();

  IacParts(String file) {
    this.file = file;
  }

  boolean isEmpty() {
    return functions.isEmpty() && resources.isEmpty() && parameters.isEmpty();
  }
}
