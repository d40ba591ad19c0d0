# casebook for CI systems other than GitHub Actions: Debian slim, a casebook release and
# WeasyPrint for PDF reports. It installs the release archive that scripts/release.sh writes
# (and scripts/release-smoke.sh tests) with install.sh, the same way a person does:
#   scripts/release.sh
#   docker build --build-arg VERSION=0.1.0 -t casebook:0.1.0 .
#   docker run --rm -v "$PWD:/site" casebook:0.1.0 casebook build /site
FROM debian:bookworm-slim
ARG VERSION
COPY install.sh dist/casebook-${VERSION}-linux-x86_64.tar.gz dist/casebook-${VERSION}-linux-x86_64.tar.gz.sha256 /tmp/casebook/
RUN /tmp/casebook/install.sh --pdf --prefix /usr/local /tmp/casebook/casebook-${VERSION}-linux-x86_64.tar.gz \
    && rm -rf /tmp/casebook /var/lib/apt/lists/*
WORKDIR /site
CMD ["casebook", "--help"]
