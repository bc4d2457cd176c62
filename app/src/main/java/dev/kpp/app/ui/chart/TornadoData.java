package dev.kpp.app.ui.chart;

import java.util.List;
import java.util.Objects;

/**
 * What a tornado (sensitivity) chart draws: per input, how far a figure moves when the input is lowered
 * and raised by the same share, as a change against the figure's base value, in the order given
 * (longest bar first). Pure data, built by ViewModels without JavaFX nodes.
 *
 * @param lowLegend    legend of the lowered side, e.g. "input −50%"
 * @param highLegend   legend of the raised side
 * @param axisLabel    title of the change axis
 * @param changeFormat how a relative change reads on the axis ("+50%")
 * @param bars         the bars
 */
public record TornadoData(String lowLegend, String highLegend, String axisLabel, PlotData.Format changeFormat,
                          List<Bar> bars) {
    public TornadoData {
        Objects.requireNonNull(changeFormat, "changeFormat");
        bars = List.copyOf(bars);
    }

    /**
     * One input.
     *
     * @param label      the input's name
     * @param sublabel   the mode and figure, with its base value
     * @param lowChange  relative change of the figure with the input lowered (-0.3 = 30% less)
     * @param highChange relative change with the input raised
     * @param lowText    the figure's value with the input lowered
     * @param highText   the figure's value with the input raised
     */
    public record Bar(String label, String sublabel, double lowChange, double highChange, String lowText,
                      String highText) {
    }
}
