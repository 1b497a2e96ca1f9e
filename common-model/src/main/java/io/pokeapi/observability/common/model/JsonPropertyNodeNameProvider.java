package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Names Bean Validation property paths after the JSON properties (as Jackson maps them) instead of
 * the Java fields, so a violation on {@code Pokemon.baseExperience} reads {@code base_experience}.
 */
final class JsonPropertyNodeNameProvider implements PropertyNodeNameProvider {

  private final ObjectMapper mapper;
  private final Map<Class<?>, Map<String, String>> jsonNamesByClass = new ConcurrentHashMap<>();

  JsonPropertyNodeNameProvider(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  @Override
  public String getName(Property property) {
    if (property instanceof JavaBeanProperty bean) {
      return jsonNamesByClass
          .computeIfAbsent(bean.getDeclaringClass(), this::jsonNames)
          .getOrDefault(bean.getName(), bean.getName());
    }
    return property.getName();
  }

  private Map<String, String> jsonNames(Class<?> type) {
    BeanDescription description =
        mapper.getDeserializationConfig().introspect(mapper.constructType(type));
    Map<String, String> names = new ConcurrentHashMap<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      names.put(property.getInternalName(), property.getName());
    }
    return names;
  }
}
