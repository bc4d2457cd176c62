package dev.kpp.app.ui.results;

/**
 * A value with its uncertainty or spread band.
 *
 * @param value the central value
 * @param low   the band's low end (equal to {@code value} when there is no spread)
 * @param high  the band's high end
 */
public record Band(double value, double low, double high) {
    /** @return a band without spread */
    public static Band exact(double value) {
        return new Band(value, value, value);
    }

    /** @return true when the band has a visible spread */
    public boolean hasSpread() {
        return high - low > 1e-9 * Math.max(1, Math.abs(value));
    }
}
