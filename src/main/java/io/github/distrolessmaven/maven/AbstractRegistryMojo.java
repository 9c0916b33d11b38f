package io.github.distrolessmaven.maven;

import io.github.distrolessmaven.core.BuildLog;
import io.github.distrolessmaven.core.ImageBuildException;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What every goal that talks to a registry shares: registry trust, credentials, skipping, and the
 * one place where the core's two failure kinds become Maven's.
 */
public abstract class AbstractRegistryMojo extends AbstractMojo {

  /**
   * Allow registries over plain HTTP or with unverified TLS certificates. A registry on this
   * machine ({@code localhost}, {@code 127.0.0.0/8}, {@code [::1]}) needs no setting.
   */
  @Parameter(property = Properties.ALLOW_INSECURE_REGISTRIES, defaultValue = "false")
  boolean allowInsecureRegistries;

  /** {@code <allowInsecureRegistries>}, or the property (ours or Jib's) that overrides it. */
  boolean insecureRegistriesAllowed() {
    return Boolean.parseBoolean(property(Properties.ALLOW_INSECURE_REGISTRIES,
        String.valueOf(allowInsecureRegistries)));
  }

  /** Skip this goal; the log says whether {@code <skip>} or the property skipped it. */
  @Parameter(property = Properties.SKIP, defaultValue = "false")
  boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true)
  MojoExecution mojoExecution;

  @Component
  SettingsDecrypter settingsDecrypter;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    // Maven sets skip from <skip> or distroless.skip; Jib's jib.skip skips too.
    if (skip || skippedByProperty()) {
      getLog().info("Skipping distroless: " + (skippedByProperty()
          ? Properties.SKIP + " is true." : "<skip> is true in the plugin's configuration."));
      return;
    }
    try {
      BuildLog log = new MavenBuildLog(getLog(), session != null
          && session.getRequest() != null && session.getRequest().isInteractiveMode());
      unreadConfiguration().forEach(log::warn);
      if (session != null) {
        SettingsProxies.activate(session.getSettings(), settingsDecrypter,
            System.getProperties()).forEach(log::debug);
      }
      run(log);
    } catch (InvalidConfigurationException e) {
      InvalidConfigurationException mistake = givenAsProperty(e.setting())
          ? e.namingTheProperty() : e;
      throw new MojoFailureException(SettingNames.render(mistake.getMessage()),
          RenderedFailure.of(mistake));
    } catch (ImageBuildException e) {
      throw new MojoExecutionException(SettingNames.render(e.getMessage()), RenderedFailure.of(e));
    }
  }

  /**
   * Whether the user gave {@code setting} as its property, which then stands in for the POM's
   * element: a refusal of it names the property, where the value is to be changed. Not so for
   * a setting whose property adds to the POM's list ({@link SettingNames#propertyAdds}).
   */
  private boolean givenAsProperty(Setting setting) {
    String name = SettingNames.of(setting).property();
    return name != null && session != null && !SettingNames.propertyAdds(setting)
        && property(name, null) != null;
  }

  /**
   * Whether the property skips: {@code distroless.skip} or Jib's {@code jib.skip}, on the
   * command line or in the POM's properties ({@link #property} reads them all).
   */
  private boolean skippedByProperty() {
    return session != null && Boolean.parseBoolean(property(Properties.SKIP, null));
  }

  /**
   * The elements of this plugin's configuration in the POM that no goal of it reads (Maven
   * ignores them without a word), each said once per build.
   */
  private List<String> unreadConfiguration() {
    if (project == null || mojoExecution == null || mojoExecution.getMojoDescriptor() == null) {
      return List.of();
    }
    PluginDescriptor plugin = mojoExecution.getMojoDescriptor().getPluginDescriptor();
    Plugin declared = project.getPlugin(plugin.getPluginLookupKey());
    if (declared == null) {
      return List.of();
    }
    Set<String> parameters = new HashSet<>();
    for (MojoDescriptor goal : plugin.getMojos()) {
      if (goal.getParameters() != null) {
        goal.getParameters().forEach(parameter -> parameters.add(parameter.getName()));
      }
    }
    Set<String> lines = new LinkedHashSet<>(ConfigurationCheck.unread(
        (Xpp3Dom) declared.getConfiguration(), parameters));
    PluginExecution execution = declared.getExecutionsAsMap().get(mojoExecution.getExecutionId());
    if (execution != null) {
      lines.addAll(ConfigurationCheck.unread((Xpp3Dom) execution.getConfiguration(), parameters));
    }
    return lines.stream().filter(line -> OncePerBuild.first(session, "unread " + line)).toList();
  }

  /** The goal's work; a user's mistake and an environment failure are told apart by type. */
  abstract void run(BuildLog log) throws InvalidConfigurationException, ImageBuildException;

  /**
   * A property, which overrides the plugin's configuration in the POM: from the command line
   * ({@code -D}), then the JVM's system properties, then the POM's {@code <properties>}; in each,
   * ours first, then Jib's name for it (said once per build: rename it), as Jib's users write
   * them.
   */
  String property(String name, String pomValue) {
    for (java.util.Properties source : propertySources(true)) {
      String value = valueIn(source, name);
      if (value != null) {
        return value;
      }
    }
    return pomValue;
  }

  /**
   * Whether the property (ours or Jib's name for it) is given on the command line or as a JVM
   * system property: where no POM holds it.
   */
  boolean givenOutsideThePom(String name) {
    for (java.util.Properties source : propertySources(false)) {
      if (valueIn(source, name) != null) {
        return true;
      }
    }
    return false;
  }

  private List<java.util.Properties> propertySources(boolean withPom) {
    List<java.util.Properties> sources = new ArrayList<>();
    sources.add(session.getUserProperties());
    sources.add(session.getSystemProperties());
    if (withPom && project != null) {
      sources.add(project.getProperties());
    }
    return sources;
  }

  /** The property in {@code source}: ours, else Jib's name for it (said once: rename it). */
  private String valueIn(java.util.Properties source, String name) {
    String value = source.getProperty(name);
    if (value != null) {
      return value;
    }
    for (String jib : Properties.jibNames(name)) {
      value = source.getProperty(jib);
      if (value != null) {
        if (!jib.equals(Properties.IMAGE) && OncePerBuild.first(session, "property " + jib)) {
          getLog().info("Reading Jib's property " + jib + " as " + name + ": rename it to "
              + name + ".");
        }
        return value;
      }
    }
    return null;
  }

  /**
   * The {@code <auth>} of {@code <to>} or {@code <from>} as this build sees it: each of its
   * username and password from the property ({@code distroless.to.auth.username}, ...), else the
   * environment variable CI systems fill from their secrets ({@code
   * DISTROLESS_TO_AUTH_USERNAME}, {@code DISTROLESS_TO_AUTH_PASSWORD}, and the same for {@code
   * FROM}), else the POM.
   *
   * @param image {@code to} or {@code from}
   */
  AuthParameters auth(String image, AuthParameters pom) {
    String username = credential(image, "username", pom == null ? null : pom.getUsername());
    String password = credential(image, "password", pom == null ? null : pom.getPassword());
    return new AuthParameters(username, password);
  }

  private String credential(String image, String part, String pom) {
    String property = property(Properties.PREFIX + image + ".auth." + part, null);
    if (property != null) {
      return property;
    }
    String variable = System.getenv(("DISTROLESS_" + image + "_AUTH_" + part)
        .toUpperCase(java.util.Locale.ROOT));
    return variable != null ? variable : pom;
  }

  /** The {@code <credHelper>} of {@code <to>} or {@code <from>}, or its property. */
  String credHelper(String image, String pom) {
    return property(Properties.PREFIX + image + ".credHelper", pom);
  }

  /** Credentials from settings.xml and the docker config, read and checked once per goal. */
  MavenCredentials credentials() throws InvalidConfigurationException {
    return new MavenCredentials(session.getSettings(), settingsDecrypter);
  }
}
