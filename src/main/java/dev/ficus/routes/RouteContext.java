package dev.ficus.routes;

import dev.ficus.iac.IacModel;
import dev.ficus.model.Diagnostics;
import dev.ficus.workspace.Workspace;

/**
 * What a {@link RouteExtractor} may look at: the parsed repository, the IaC, and the collector
 * for what it could not resolve.
 */
public record RouteContext(Workspace workspace, IacModel iac, Diagnostics diagnostics) {}
