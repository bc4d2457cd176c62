package dev.kpp.model.cost;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the cost engine needs from a calibration: the fitted parameters of every family and the assumptions
 * in force. Immutable; built by {@code dev.kpp.model.calibration.Calibration} (which depends on this package, not
 * the reverse).
 *
 * @param families    fitted families by id
 * @param assumptions the documented assumptions kpp applies where neither a source nor a setting says (values by
 *                    code; {@code kpp calibrate} lists them with their sources)
 */
public record CostParameters(Map<String, FamilyParameters> families, Map<String, Double> assumptions) {
    public CostParameters {
        families = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(families));
        assumptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(assumptions));
    }

    /** @return a family; fails loudly when it is missing */
    public FamilyParameters family(String id) {
        FamilyParameters f = families.get(id);
        if (f == null) {
            throw new IllegalArgumentException("no fitted family '" + id + "'");
        }
        return f;
    }

    /** @return a family if fitted */
    public Optional<FamilyParameters> find(String id) {
        return Optional.ofNullable(families.get(id));
    }

    /** @return an assumption's value; fails loudly when it is missing */
    public double assumption(String code) {
        Double v = assumptions.get(code);
        if (v == null) {
            throw new IllegalArgumentException("no assumption '" + code + "'");
        }
        return v;
    }

    /** @return the ids of the fitted families */
    public List<String> familyIds() {
        return List.copyOf(families.keySet());
    }
}
