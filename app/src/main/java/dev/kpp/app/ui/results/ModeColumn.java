package dev.kpp.app.ui.results;

import dev.kpp.model.inventory.ProxyMode;

/**
 * One mode's column of the comparison.
 *
 * @param mode  the mode
 * @param name  its display name
 * @param inUse true when the imported cluster runs this mode
 */
public record ModeColumn(ProxyMode mode, String name, boolean inUse) {
}
