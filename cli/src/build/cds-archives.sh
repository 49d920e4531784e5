#!/bin/sh
# Dumps the AppCDS archives beside the jars in TARGET_DIR, from one short training run of the coordinator
# that also starts worker JVMs (which dump theirs as they exit: exec/WorkerImage). Best effort: never fails
# the build; without archives corescope makes them on first use.
target="${1:?usage: cds-archives.sh TARGET_DIR}"
jar="$target/corescope.jar"
[ -f "$jar" ] || exit 0
work="$(mktemp -d)"
rm -f "$target/corescope.jsa" "$target/corescope-worker.jsa"
boot=""
[ -f "$target/corescope-boot.jar" ] && boot="-Xbootclasspath/a:$target/corescope-boot.jar"
# the same options as the corescope launcher: an archive is used only with the boot class path it was made with
CORESCOPE_HOME="$work/home" java -Xlog:disable '-Xlog:all=warning,cds*=off:stderr' -Djava.awt.headless=true \
  -XX:+UseSerialGC $boot -XX:ArchiveClassesAtExit="$target/corescope.jsa" -jar "$jar" \
  investigate --mode processes --loops 1000000 --max 2 --no-cache --quiet --out "$work/run" >/dev/null 2>"$work/err" \
  || echo "cds-archives: training run failed (archives made on first use instead): $(tail -1 "$work/err")" >&2
rm -rf "$work"
exit 0
