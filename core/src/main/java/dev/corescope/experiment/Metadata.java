package dev.corescope.experiment;

import dev.corescope.machine.LoadSnapshot;
import dev.corescope.machine.MachineProfile;

/**
 * What every result carries so it can be interpreted later: corescope's version, where it was written, the machine profile
 * (JVM included), and the load before and after the run.
 */
public record Metadata(String corescopeVersion, String runDirectory, MachineProfile profile, LoadSnapshot loadAtStart,
                       LoadSnapshot loadAtEnd) {
}
