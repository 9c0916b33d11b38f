package io.github.distrolessmaven.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** The configuration elements the plugin does not read, named. */
class ConfigurationCheckTest {

  private static final List<String> PARAMETERS = List.of("from", "to", "container",
      "extraDirectories", "registryMirrors", "outputPaths", "skip", "allowShell");

  private static List<String> unread(String xml) throws Exception {
    Xpp3Dom configuration = Xpp3DomBuilder.build(new StringReader(
        "<configuration>" + xml + "</configuration>"));
    return ConfigurationCheck.unread(configuration, PARAMETERS);
  }

  @Test
  void whatThePluginReadsIsNotReported() throws Exception {
    assertEquals(List.of(), unread("<to><image>a</image><tags><tag>1</tag></tags>"
        + "<auth><username>u</username><password>p</password></auth></to>"
        + "<from><image>b</image><platforms><platform><os>linux</os>"
        + "<architecture>arm64</architecture></platform></platforms></from>"
        + "<container><jvmFlags><jvmFlag>-Xss1m</jvmFlag></jvmFlags>"
        + "<environment><ANY_NAME>1</ANY_NAME></environment></container>"
        + "<extraDirectories><paths><path>src/main/jib</path><path><from>x</from>"
        + "<into>/y</into><includes><include>*</include></includes></path></paths>"
        + "<permissions><permission><file>/y/*</file><mode>755</mode></permission>"
        + "</permissions></extraDirectories>"
        + "<registryMirrors><registryMirror><registry>gcr.io</registry>"
        + "<mirrors><mirror>m</mirror></mirrors></registryMirror></registryMirrors>"
        + "<skip>true</skip>"));
  }

  @Test
  void jibsElementsAreNamedWithWhatToDoInstead() throws Exception {
    List<String> lines = unread("<pluginExtensions><pluginExtension/></pluginExtensions>"
        + "<dockerClient><executable>docker</executable></dockerClient>"
        + "<container><extraClasspath>a</extraClasspath>"
        + "<expandClasspathDependencies>true</expandClasspathDependencies></container>");

    assertEquals(3, lines.size(), lines.toString());
    assertEquals("<pluginExtensions> is Jib's and is not read here: Jib's extension API has no"
        + " counterpart here.", lines.get(0));
    assertTrue(lines.get(1).startsWith("<dockerClient> is Jib's and is not read here:"
        + " distroless:load needs no docker command"), lines.get(1));
    assertTrue(lines.get(2).startsWith("<container><expandClasspathDependencies> is Jib's and is"
        + " not read here: the classpath always names each jar"), lines.get(2));
  }

  @Test
  void aMisspelledElementIsNamedWithTheOneItIsProbablyMeantToBe() throws Exception {
    List<String> lines = unread("<contianer><user>1</user></contianer>"
        + "<allowShel>true</allowShel><somethingElse/>");

    assertEquals(List.of(
        "<contianer> is not a parameter of distroless-maven-plugin and is ignored; did you mean"
            + " <container>?",
        "<allowShel> is not a parameter of distroless-maven-plugin and is ignored; did you mean"
            + " <allowShell>?",
        "<somethingElse> is not a parameter of distroless-maven-plugin and is ignored."),
        lines);
  }

  @Test
  void closenessIsCaseOrTwoEdits() {
    assertTrue(ConfigurationCheck.close("container", "Container"));
    assertTrue(ConfigurationCheck.close("container", "contianer"));
    assertTrue(ConfigurationCheck.close("jvmFlags", "jvmFlag"));
    assertFalse(ConfigurationCheck.close("to", "from"));
    assertFalse(ConfigurationCheck.close("container", "cat"));
  }
}
