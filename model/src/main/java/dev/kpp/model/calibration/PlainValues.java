package dev.kpp.model.calibration;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records to plain values and back: strings, booleans, {@link Long}s, {@link Double}s, lists and
 * string-keyed maps, which any JSON writer can hold. A record becomes a map of its components by
 * name, an enum its name, a double that JSON numbers cannot hold ({@code NaN}, infinities) the
 * string {@link Double#toString} gives. Decoding goes through each record's canonical constructor,
 * so a record's own checks apply to what is read. Doubles survive exactly (a double's shortest
 * decimal reads back to the same double).
 */
final class PlainValues {
    private PlainValues() {
    }

    static Object encode(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long) {
            return v;
        }
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : d.toString();
        }
        if (v instanceof double[] a) {
            List<Object> out = new ArrayList<>(a.length);
            for (double x : a) {
                out.add(encode(x));
            }
            return out;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Record r) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    out.put(c.getName(), encode(c.getAccessor().invoke(r)));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot read " + r.getClass().getSimpleName() + "." + c.getName(),
                            e);
                }
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(encode(x));
            }
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException("map keys must be strings: " + e.getKey());
                }
                out.put(k, encode(e.getValue()));
            }
            return out;
        }
        throw new IllegalArgumentException("no plain form for " + v.getClass().getName());
    }

    /**
     * @param type the Java type to rebuild
     * @param v    its plain value
     * @param path where in the document, for the error
     * @throws IllegalArgumentException naming the path when {@code v} does not fit {@code type}
     */
    static Object decode(Type type, Object v, String path) {
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            Type[] args = pt.getActualTypeArguments();
            if (raw == List.class) {
                List<Object> out = new ArrayList<>();
                int i = 0;
                for (Object x : (List<?>) cast(List.class, v, path)) {
                    out.add(decode(args[0], x, path + "[" + i++ + "]"));
                }
                return out;
            }
            if (raw == Map.class && args[0] == String.class) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) cast(Map.class, v, path)).entrySet()) {
                    out.put((String) e.getKey(), decode(args[1], e.getValue(), path + "." + e.getKey()));
                }
                return out;
            }
            throw new IllegalArgumentException(path + ": unsupported type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return cast(String.class, v, path);
        }
        if (c == double.class || c == Double.class) {
            return decodeDouble(v, path);
        }
        if (c == int.class || c == Integer.class) {
            long l = cast(Long.class, v, path);
            if (l != (int) l) {
                throw new IllegalArgumentException(path + ": " + l + " is out of int range");
            }
            return (int) l;
        }
        if (c == long.class || c == Long.class) {
            return cast(Long.class, v, path);
        }
        if (c == boolean.class || c == Boolean.class) {
            return cast(Boolean.class, v, path);
        }
        if (c == double[].class) {
            List<?> l = (List<?>) cast(List.class, v, path);
            double[] out = new double[l.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = decodeDouble(l.get(i), path + "[" + i + "]");
            }
            return out;
        }
        if (c.isEnum()) {
            String name = cast(String.class, v, path);
            for (Object constant : c.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException(path + ": '" + name + "' is not a " + c.getSimpleName());
        }
        if (c.isRecord()) {
            Map<?, ?> m = (Map<?, ?>) cast(Map.class, v, path);
            Shape shape = SHAPES.get(c);
            Object[] args = new Object[shape.names.length];
            for (int i = 0; i < args.length; i++) {
                String p = path + "." + shape.names[i];
                if (!m.containsKey(shape.names[i])) {
                    throw new IllegalArgumentException(p + ": missing");
                }
                args[i] = decode(shape.types[i], m.get(shape.names[i]), p);
            }
            try {
                return shape.constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(path + ": " + e.getCause().getMessage(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + c.getSimpleName(), e);
            }
        }
        throw new IllegalArgumentException(path + ": unsupported type " + c.getName());
    }

    /** A record class's components and canonical constructor, looked up once per class. */
    private static final class Shape {
        final String[] names;
        final Type[] types;
        final Constructor<?> constructor;

        Shape(Class<?> c) {
            RecordComponent[] rc = c.getRecordComponents();
            names = new String[rc.length];
            types = new Type[rc.length];
            Class<?>[] raw = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) {
                names[i] = rc[i].getName();
                types[i] = rc[i].getGenericType();
                raw[i] = rc[i].getType();
            }
            try {
                constructor = c.getDeclaredConstructor(raw);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor in " + c.getSimpleName(), e);
            }
        }
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return new Shape(type);
        }
    };

    private static double decodeDouble(Object v, String path) {
        if (v instanceof Double d) {
            return d;
        }
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof String s && (s.equals("NaN") || s.equals("Infinity") || s.equals("-Infinity"))) {
            return Double.parseDouble(s);
        }
        throw new IllegalArgumentException(path + ": expected a number, found " + describe(v));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Class<T> type, Object v, String path) {
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException(path + ": expected " + type.getSimpleName().toLowerCase(
                    java.util.Locale.ROOT) + ", found " + describe(v));
        }
        return (T) v;
    }

    private static String describe(Object v) {
        return v == null ? "null" : v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }
}
