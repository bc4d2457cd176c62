package dev.kpp.model.rules;

/**
 * {@code count} Service ports that share one {@link ServicePortShape}.
 *
 * @param shape the shape
 * @param count how many Service ports have it (at least 1)
 */
public record ShapeGroup(ServicePortShape shape, long count) {
    public ShapeGroup {
        if (shape == null) {
            throw new IllegalArgumentException("shape is required");
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1");
        }
    }
}
