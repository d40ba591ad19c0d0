import Model

/// The starter CI workflow, `.github/workflows/casebook.yml`: check, audit consent, build the
/// site with its public reports, keep them as artifacts.
///
/// casebook is installed by the casebook action at the release tag of the casebook that wrote the
/// workflow (`casebook/casebook@v0.1.0`): releases are tagged `vX.Y.Z` and there is no moving
/// major tag, and a pinned release never changes a site's build by surprise. The `with:` inputs
/// here must match that action's `action.yml`. This is the one place to change when they do.
enum StarterWorkflow {
    static let text = #"""
        # Made by `casebook init`. On every push and pull request: check the content (problems
        # show on the changed lines), audit consent, build the site and its public reports, and
        # keep them as artifacts to download from the run's page.
        name: casebook

        on:
          push:
            branches: [main]
          pull_request:
          workflow_dispatch:

        permissions:
          contents: read

        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4

              - name: Install casebook
                uses: casebook/casebook@v\#(CasebookVersion.current)
                with:
                  site: .
                  install-only: true

              # WeasyPrint turns reports into PDF.
              - name: Install a PDF engine
                run: sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends weasyprint

              - name: Check the content
                run: casebook check --format github

              # Fails when consent expires within 90 days, a withdrawn quote is still referenced,
              # or a quote has no consent_ref: renew or fix it before it reaches a reader.
              - name: Audit consent
                run: casebook quotes

              - name: Build the site and its public reports
                run: casebook build --pdf

              - name: Keep the site
                uses: actions/upload-artifact@v4
                with:
                  name: site
                  path: _site/
                  if-no-files-found: error

              # Internal reports hold quotes whose speakers agreed to internal use only. Anyone can
              # download a public repository's artifacts, so they are built only in a private one.
              - name: Build every report, internal ones too
                if: github.event.repository.private == true
                run: casebook report --pdf

              - name: Keep the reports
                if: github.event.repository.private == true
                uses: actions/upload-artifact@v4
                with:
                  name: reports
                  path: _reports/
                  retention-days: 30
                  if-no-files-found: error

        """#
}
