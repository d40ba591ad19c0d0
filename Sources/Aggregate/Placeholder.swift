/// Placeholder until the aggregation stage lands.
enum AggregatePlaceholder {}
