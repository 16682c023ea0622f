#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-2-Clause
"""tap-summary.py - count test results from meson testlog.json files.

A test whose output has TAP lines counts one result per line ('ok', 'not ok', '# SKIP'), plus one
failure if the program failed without a 'not ok'; a test without TAP lines counts once. Prints one line:
    N passed, N failed[, N skipped]
and exits 1 if anything failed. An argument 'BUILD-FAILED:what' counts one failure.
"""
import json
import re
import sys

passed = failed = skipped = 0
tap_line = re.compile(r'^(not ok|ok)\b(.*)$')

for arg in sys.argv[1:]:
    if arg.startswith('BUILD-FAILED:'):
        failed += 1
        continue
    try:
        entries = [json.loads(l) for l in open(arg) if l.strip()]
    except OSError as e:
        print(f'tap-summary: {e}', file=sys.stderr)
        failed += 1
        continue
    for t in entries:
        out = t.get('stdout') or ''
        counted = local_failed = 0
        for line in out.splitlines():
            m = tap_line.match(line)
            if not m:
                continue
            counted += 1
            if re.search(r'#\s*SKIP', m.group(2), re.I):
                skipped += 1
            elif m.group(1) == 'ok':
                passed += 1
            else:
                local_failed += 1
        if re.search(r'^1\.\.0\s*#\s*SKIP', out, re.M | re.I):
            skipped += 1
            counted += 1
        bad = t.get('result') not in ('OK', 'EXPECTEDFAIL', 'SKIP')
        if counted == 0:
            if t.get('result') == 'SKIP':
                skipped += 1
            elif bad:
                failed += 1
            else:
                passed += 1
        else:
            # a program that failed although its TAP lines did not say so counts once
            failed += local_failed or (1 if bad else 0)

line = f'{passed} passed, {failed} failed'
if skipped:
    line += f', {skipped} skipped'
print(line)
sys.exit(1 if failed else 0)
