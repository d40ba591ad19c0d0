import ArgumentParser
import Model
import Pipeline

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

/// `--as-of DATE`, which every command that judges consent takes: "today" for tests and for
/// reproducing an old build. Without it consent expiry is judged on the real date, whatever
/// `SOURCE_DATE_EPOCH` says (that sets only the dates written into the output).
struct ClockOption: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "Judge consent expiry as if today were this date (YYYY-MM-DD), for tests and reproductions.",
            discussion: "Default: the real date. SOURCE_DATE_EPOCH sets only the dates written into the output.",
            valueName: "date"))
    var asOf: Day?

    var clock: BuildClock { .fromEnvironment(asOf: asOf) }
}
