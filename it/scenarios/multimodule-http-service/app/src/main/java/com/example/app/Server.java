package com.example.app;

import com.example.lib.Greeter;
import com.example.snapshot.Version;
import com.google.gson.Gson;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** GET / answers with one fact from each part of the classpath, as JSON. */
public final class Server {

  public static void main(String[] args) throws IOException {
    Properties service = new Properties();
    try (InputStream in = Server.class.getResourceAsStream("/service.properties")) {
      service.load(in);
    }
    Map<String, String> body = new LinkedHashMap<>();
    body.put("service", service.getProperty("service.name"));
    body.put("greeting", Greeter.greet("client"));
    body.put("snapshot", Version.describe());
    byte[] json = new Gson().toJson(body).getBytes(StandardCharsets.UTF_8);

    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, json.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(json);
      }
    });
    server.start();
    System.out.println("listening on 8080");
  }
}
