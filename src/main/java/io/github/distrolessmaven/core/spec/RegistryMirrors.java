package io.github.distrolessmaven.core.spec;

import io.github.distrolessmaven.core.InvalidConfigurationException;
import io.github.distrolessmaven.core.Setting;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Registry mirrors: for a registry such as {@code gcr.io}, the hosts to try first when pulling.
 * An enterprise mirror of gcr.io, and our own tests, serve the default bases this way.
 */
public final class RegistryMirrors {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:]+\\](:\\d{1,5})?");

  private RegistryMirrors() {}

  /**
   * Parses {@code gcr.io=host:port[,host:port][;registry=host...]}.
   *
   * @return registry to mirrors, in the order given
   */
  public static Map<String, List<String>> parse(String value) throws InvalidConfigurationException {
    Map<String, List<String>> mirrors = new LinkedHashMap<>();
    if (value == null || value.isBlank()) {
      return mirrors;
    }
    for (String group : value.split(";")) {
      if (group.isBlank()) {
        continue;
      }
      int equals = group.indexOf('=');
      if (equals < 0) {
        throw invalid(true, "'" + group.trim() + "' has no '='");
      }
      String registry = group.substring(0, equals).trim();
      List<String> hosts = new ArrayList<>();
      for (String host : group.substring(equals + 1).split(",")) {
        if (!host.isBlank()) {
          hosts.add(host.trim());
        }
      }
      put(mirrors, registry, hosts, true);
    }
    return mirrors;
  }

  /**
   * Adds one mirrored registry as the build file gives it, checking registry and mirror host
   * names.
   *
   * @param mirrors the map to add to
   */
  public static void put(Map<String, List<String>> mirrors, String registry, List<String> hosts)
      throws InvalidConfigurationException {
    put(mirrors, registry, hosts, false);
  }

  private static void put(Map<String, List<String>> mirrors, String registry, List<String> hosts,
      boolean fromProperty) throws InvalidConfigurationException {
    if (registry == null || !HOST.matcher(registry.trim()).matches()) {
      throw invalid(fromProperty, "the registry '" + registry + "' is not a host name");
    }
    if (hosts.isEmpty()) {
      throw invalid(fromProperty, "the registry '" + registry + "' has no mirror");
    }
    for (String host : hosts) {
      if (host == null || !HOST.matcher(host).matches()) {
        throw invalid(fromProperty, "the mirror '" + host + "' is not a host or host:port");
      }
    }
    mirrors.computeIfAbsent(registry.trim(), key -> new ArrayList<>()).addAll(hosts);
  }

  /** An unmodifiable deep copy, for an immutable spec. */
  public static Map<String, List<String>> copyOf(Map<String, List<String>> mirrors) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    mirrors.forEach((registry, hosts) -> copy.put(registry, List.copyOf(hosts)));
    return Collections.unmodifiableMap(copy);
  }

  private static InvalidConfigurationException invalid(boolean fromProperty, String problem) {
    String fix = problem + ". Write mirrors as gcr.io=mirror.example.com:5000[,other:5000]"
        + "[;registry=host] in " + Setting.REGISTRY_MIRRORS.propertyName() + ", or in "
        + Setting.REGISTRY_MIRRORS.element()
        + " as the registry gcr.io with the mirror mirror.example.com:5000.";
    return fromProperty
        ? InvalidConfigurationException.inProperty(Setting.REGISTRY_MIRRORS, fix)
        : new InvalidConfigurationException(Setting.REGISTRY_MIRRORS, fix);
  }
}
