package io.github.distrolessmaven.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.distrolessmaven.core.Setting;
import io.github.distrolessmaven.core.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Jib's port syntax. */
class ExposedPortTest {

  private static List<ExposedPort> parse(String... entries) throws InvalidConfigurationException {
    return new ArrayList<>(ExposedPort.parseAll(Arrays.asList(entries)));
  }

  @Test
  void plainPortIsTcp() throws InvalidConfigurationException {
    assertEquals(List.of(new ExposedPort(8080, "tcp")), parse("8080"));
  }

  @Test
  void protocolIsReadInAnyCase() throws InvalidConfigurationException {
    assertEquals(List.of(new ExposedPort(8080, "udp")), parse("8080/udp"));
    assertEquals(List.of(new ExposedPort(8080, "tcp")), parse(" 8080/TCP "));
  }

  @Test
  void rangeExpandsToEveryPort() throws InvalidConfigurationException {
    assertEquals(
        List.of(new ExposedPort(7000, "tcp"), new ExposedPort(7001, "tcp"),
            new ExposedPort(7002, "tcp")),
        parse("7000-7002"));
    assertEquals(
        List.of(new ExposedPort(53, "udp"), new ExposedPort(54, "udp")), parse("53-54/udp"));
  }

  @Test
  void boundsAreAccepted() throws InvalidConfigurationException {
    assertEquals(
        List.of(new ExposedPort(1, "tcp"), new ExposedPort(65535, "tcp")), parse("1", "65535"));
  }

  @Test
  void orderIsPreservedAndDuplicatesDropped() throws InvalidConfigurationException {
    assertEquals(
        List.of(new ExposedPort(9090, "tcp"), new ExposedPort(80, "tcp"),
            new ExposedPort(80, "udp"), new ExposedPort(81, "tcp")),
        parse("9090", "80", "80/udp", "80/tcp", "80-81"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "99999", "abc", "80/sctp", "90-80", "", "  ", "8080/",
      "-80", "0-5", "65535-65536", "123456"})
  void invalidEntriesAreRefused(String entry) {
    InvalidConfigurationException e =
        assertThrows(InvalidConfigurationException.class, () -> parse("8080", entry));

    assertEquals(Setting.CONTAINER_PORTS, e.setting());
    assertTrue(e.getMessage().contains("'" + entry.trim() + "'"), e.getMessage());
    assertTrue(e.getMessage().contains("8080/udp"), e.getMessage());
  }

  @Test
  void messagesSayWhatIsWrong() {
    assertTrue(message("80/sctp").contains("only tcp and udp"));
    assertTrue(message("65536").contains("outside 1-65535"));
    assertTrue(message("90-80").contains("end is below its start"));
    assertTrue(message("abc").contains("is not a port"));
  }

  @Test
  void nullEntryIsRefused() {
    assertThrows(InvalidConfigurationException.class, () -> parse((String) null));
  }

  private static String message(String entry) {
    return assertThrows(InvalidConfigurationException.class, () -> parse(entry)).getMessage();
  }
}
