#!/usr/bin/env bash
# Fails when a C/C++ source under the project's source folders deviates from .clang-format,
# naming the files; fix with: clang-format -i <files>.
set -euo pipefail
top=$1
formatter=${CLANG_FORMAT:-clang-format}
command -v "$formatter" >/dev/null || { echo "check_format: $formatter not found (apt-get install clang-format)" >&2; exit 1; }
cd "$top"
mapfile -t files < <(find interposer launcher include tools tests \
  \( -name '*.cpp' -o -name '*.hpp' -o -name '*.c' -o -name '*.h' \) -not -path '*/corpus/*' | sort)
[ ${#files[@]} -gt 0 ] || { echo "check_format: no sources found under $top" >&2; exit 1; }
bad=()
for f in "${files[@]}"; do
  "$formatter" --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  echo "check_format: ${#bad[@]} of ${#files[@]} files deviate from .clang-format:" >&2
  printf '  %s\n' "${bad[@]}" >&2
  echo "fix: clang-format -i ${bad[*]}" >&2
  exit 1
fi
echo "check_format: ${#files[@]} files match .clang-format"
