package io.github.distrolessmaven.maven;

import java.lang.reflect.Field;

/**
 * Sets a parameter bean's private field as Maven's configurator does from the POM: the beans
 * have no setters, and a test should configure them the way a user does, field by field.
 */
final class Beans {

  private Beans() {}

  /** Sets {@code field} of {@code bean} (declared by its class or a superclass) and returns the bean. */
  static <T> T set(T bean, String field, Object value) {
    for (Class<?> type = bean.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field declared = type.getDeclaredField(field);
        declared.setAccessible(true);
        declared.set(bean, value);
        return bean;
      } catch (NoSuchFieldException e) {
        // declared further up
      } catch (IllegalAccessException e) {
        throw new AssertionError("cannot set " + type.getName() + "." + field, e);
      }
    }
    throw new AssertionError(bean.getClass().getName() + " has no field '" + field + "'");
  }
}
