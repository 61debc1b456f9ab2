#!/usr/bin/env bash
# Builds Nestor (tests skipped) and runs the demo of the distribution's examples with bin/nestor.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q install -DskipTests
exec bash distribution/target/assembly/examples/demo.sh
