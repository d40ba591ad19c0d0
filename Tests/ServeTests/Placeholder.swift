// Replaced by the dev server's tests.
