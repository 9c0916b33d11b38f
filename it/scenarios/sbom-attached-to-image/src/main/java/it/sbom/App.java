package it.sbom;

import com.google.gson.Gson;
import org.apache.commons.text.WordUtils;

public class App {
  public static void main(String[] args) {
    System.out.println(WordUtils.capitalize("sbom") + new Gson().toJson(1));
  }
}
