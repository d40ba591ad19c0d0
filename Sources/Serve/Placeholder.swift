// Replaced by the dev server (issue: casebook serve).
enum ServePlaceholder {}
