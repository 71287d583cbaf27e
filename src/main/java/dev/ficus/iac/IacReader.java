package dev.ficus.iac;

import dev.ficus.model.Diagnostics;
import dev.ficus.model.IacResource;
import dev.ficus.model.LambdaFunction;
import dev.ficus.model.SourceRef;
import dev.ficus.workspace.Workspace;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads every IaC dialect the repository uses (SAM/CloudFormation YAML and JSON, Serverless
 * Framework, CDK in Java) into one {@link IacModel}. A file that is not valid is a diagnostic; the
 * rest is still read. YAML and JSON files that are neither templates nor Serverless Framework
 * services (package.json, OpenAPI documents, Spring configuration) are ignored without a word.
 */
public final class IacReader {

  /** Larger files are skipped: real templates are far smaller (CloudFormation's limit is 1 MB). */
  static final long MAX_FILE_BYTES = 5L * 1024 * 1024;

  private static final Pattern TEMPLATE_HINT =
      Pattern.compile(
          "(?m)(AWSTemplateFormatVersion|AWS::Serverless-2016-10-31|^\\s*\"?Resources\"?\\s*:|Type\"?\\s*:\\s*\"?AWS::)");

  public IacModel read(Workspace workspace) {
    Diagnostics diagnostics = workspace.diagnostics();
    List<IacParts> parts = new ArrayList<>();
    for (String file : workspace.iacFiles()) {
      IacParts p = readFile(workspace, file, diagnostics);
      if (p != null) {
        parts.add(p);
      }
    }
    parts.addAll(new CdkJavaReader().read(workspace));
    return combine(parts, diagnostics);
  }

  private IacParts readFile(Workspace workspace, String file, Diagnostics diagnostics) {
    Path path = workspace.resolve(file);
    String text;
    try {
      long size = Files.size(path);
      if (size > MAX_FILE_BYTES) {
        diagnostics.note(
            "iac-file-too-large",
            "Skipped " + file + ": " + (size / (1024 * 1024)) + " MB is too large for an IaC file.",
            SourceRef.of(file, 0));
        return null;
      }
      text = decode(Files.readAllBytes(path));
    } catch (IOException e) {
      diagnostics.warning(
          "unreadable-file", "Skipped " + file + ": it cannot be read.", SourceRef.of(file, 0));
      return null;
    }
    boolean serverless = ServerlessFrameworkReader.isServerlessFileName(file);
    IntrinsicYamlLoader.Result loaded = IntrinsicYamlLoader.load(file, text);
    if (!loaded.ok()) {
      if (serverless || TEMPLATE_HINT.matcher(text).find()) {
        diagnostics.error(
            "iac-parse-error",
            file
                + " is not valid "
                + (isJson(file, text) ? "JSON" : "YAML")
                + ": "
                + loaded.error().message(),
            SourceRef.of(file, loaded.error().line()));
      }
      return null;
    }
    IacParts parts = new IacParts(file);
    boolean read = false;
    for (IacNode doc : loaded.documents()) {
      if (!(doc instanceof IacNode.Obj obj)) {
        continue;
      }
      if ((serverless || ServerlessFrameworkReader.isServerlessDocument(obj))
          && ServerlessFrameworkReader.isAwsProvider(obj)) {
        new ServerlessFrameworkReader().read(file, obj, parts, diagnostics);
        read = true;
      } else if (CloudFormationTemplateReader.isTemplate(obj)) {
        new CloudFormationTemplateReader((t, l) -> include(workspace, t, l)).read(file, obj, parts);
        read = true;
      }
    }
    if (!read) {
      return null;
    }
    for (IntrinsicYamlLoader.Problem w : loaded.warnings()) {
      diagnostics.warning("iac-unknown-tag", w.message(), SourceRef.of(file, w.line()));
    }
    return parts;
  }

  /**
   * A document a template points to by a relative location (an OpenAPI definition), read only when
   * it lies inside the repository.
   */
  private static IacNode include(Workspace workspace, String template, String location) {
    Path root = workspace.root();
    Path base = workspace.resolve(template).getParent();
    Path target = (base == null ? root : base).resolve(location).normalize();
    if (!target.startsWith(root) || !Files.isRegularFile(target)) {
      return null;
    }
    try {
      if (Files.size(target) > MAX_FILE_BYTES) {
        return null;
      }
      IntrinsicYamlLoader.Result r =
          IntrinsicYamlLoader.load(
              target.getFileName().toString(), decode(Files.readAllBytes(target)));
      return r.ok() && !r.documents().isEmpty() ? r.documents().get(0) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static boolean isJson(String file, String text) {
    return file.toLowerCase(Locale.ROOT).endsWith(".json") || text.stripLeading().startsWith("{");
  }

  private static String decode(byte[] bytes) {
    int offset =
        bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF
            ? 3
            : 0;
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Joins the files. A logical id declared more than once keeps its name where it is met first
   * (files in path order, then document order) and becomes {@code file#id} (then {@code file#id#2},
   * ...) elsewhere; a renamed function gets a note.
   */
  static IacModel combine(List<IacParts> parts, Diagnostics diagnostics) {
    List<IacParts> ordered = new ArrayList<>(parts);
    ordered.sort((a, b) -> a.file.compareTo(b.file));
    Map<String, SourceRef> functionIds = new HashMap<>();
    Set<String> resourceIds = new HashSet<>();
    List<LambdaFunction> functions = new ArrayList<>();
    List<IacResource> resources = new ArrayList<>();
    Map<String, String> parameters = new TreeMap<>();
    TreeSet<String> files = new TreeSet<>();
    for (IacParts p : ordered) {
      if (p.isEmpty()) {
        continue;
      }
      files.add(p.file);
      for (LambdaFunction f : p.functions) {
        String id = unique(f.logicalId(), p.file, functionIds.keySet());
        if (!id.equals(f.logicalId())) {
          diagnostics.note(
              "iac-duplicate-id",
              "Function "
                  + f.logicalId()
                  + " is also declared at "
                  + functionIds.get(f.logicalId())
                  + "; this one is named "
                  + id
                  + ".",
              f.source());
          f = rename(f, id);
        }
        functionIds.put(id, f.source());
        functions.add(f);
      }
      for (IacResource r : p.resources) {
        String id = unique(r.logicalId(), p.file, resourceIds);
        resourceIds.add(id);
        resources.add(
            id.equals(r.logicalId())
                ? r
                : new IacResource(id, r.type(), r.physicalName(), r.source()));
      }
      for (Map.Entry<String, String> e : p.parameters.entrySet()) {
        if (!parameters.containsKey(e.getKey())) {
          parameters.put(e.getKey(), e.getValue());
        } else if (!Objects.equals(parameters.get(e.getKey()), e.getValue())) {
          diagnostics.note(
              "iac-parameter-conflict",
              "Parameter "
                  + e.getKey()
                  + " has another default in an earlier file; the first one is kept.",
              SourceRef.of(p.file, 0));
        }
      }
    }
    return new IacModel(functions, resources, parameters, new ArrayList<>(files));
  }

  private static String unique(String id, String file, Set<String> taken) {
    if (!taken.contains(id)) {
      return id;
    }
    String candidate = file + "#" + id;
    for (int n = 2; taken.contains(candidate); n++) {
      candidate = file + "#" + id + "#" + n;
    }
    return candidate;
  }

  private static LambdaFunction rename(LambdaFunction f, String id) {
    return new LambdaFunction(
        id,
        f.handler(),
        f.handlerClass(),
        f.handlerMethod(),
        f.runtime(),
        f.codeUri(),
        f.iac(),
        f.source(),
        f.environment(),
        f.triggers(),
        f.policies());
  }
}
