enum WritePlaceholder {}
