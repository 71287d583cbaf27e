package dev.ficus.iac;

import dev.ficus.workspace.Workspace;
import java.util.List;

/** Reads CDK apps written in Java. */
final class CdkJavaReader {

  List<IacParts> read(Workspace workspace) {
    return List.of();
  }
}
