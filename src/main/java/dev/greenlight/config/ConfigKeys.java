package dev.greenlight.config;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** The dotted keys of a config record tree whose values are single scalars, i.e. what a property can override. */
final class ConfigKeys {

    private ConfigKeys() {
    }

    static List<String> scalarKeys(Class<?> recordType) {
        List<String> keys = new ArrayList<>();
        collect(recordType, "", keys);
        return keys;
    }

    private static void collect(Class<?> type, String prefix, List<String> into) {
        for (RecordComponent component : type.getRecordComponents()) {
            Class<?> componentType = component.getType();
            String key = prefix + component.getName();
            if (componentType.isRecord()) {
                collect(componentType, key + ".", into);
            } else if (!List.class.isAssignableFrom(componentType) && !java.util.Map.class.isAssignableFrom(componentType)) {
                into.add(key);
            }
        }
    }
}
