# The one helper file of the scripts that call the PMP Ledger HTTP API (local profile): infra/smoke,
# infra/lifecycle, infra/audit-trail and infra/demo source it. (JDK selection, for the scripts that start
# Java, is infra/jdk.sh; .ci/run sources it there too.) Curl, sed, grep and cut only: no jq.
CMD=${PMP_COMMAND_URL:-http://127.0.0.1:8081}
QRY=${PMP_QUERY_URL:-http://127.0.0.1:8082}

# ---- messages ------------------------------------------------------------------------------------

# fail MESSAGE -> "FAIL: MESSAGE" on stderr, exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }
# ok MESSAGE -> "ok   MESSAGE"
ok() { echo "ok   $*"; }

# ---- tokens --------------------------------------------------------------------------------------

# token SUB ROLES(comma separated) [LCSA] [REGION] -> a local token from the command service's /dev/tokens
# (nothing printed when none comes back)
token() {
  local roles="\"${2//,/\",\"}\""
  local body="{\"sub\":\"$1\",\"roles\":[$roles]${3:+,\"lcsa\":\"$3\"}${4:+,\"region\":\"$4\"}}"
  curl -fs -X POST "$CMD/dev/tokens" -H 'Content-Type: application/json' -d "$body" \
    | sed -nE 's/.*"access_token":"([^"]+)".*/\1/p'
}

# ---- requests ------------------------------------------------------------------------------------

# request METHOD URL TOKEN IDEMPOTENCY-KEY DEMO-INSTANT [BODY] -> sets STATUS (the HTTP status, 000 when
# nothing answered) and BODY (the answer). An empty TOKEN, KEY or INSTANT leaves its header out. The demo
# instant (X-Demo-Instant, local profile only) is when the command happens. Under set -e a curl that
# fails (nothing listening) ends the script with curl's status.
request() {
  local out
  out=$(curl -s -w '\n%{http_code}' -X "$1" "$2" ${3:+-H "Authorization: Bearer $3"} \
    ${4:+-H "Idempotency-Key: $4"} ${5:+-H "X-Demo-Instant: $5"} -H 'Content-Type: application/json' \
    ${6:+--data-binary "$6"})
  STATUS=${out##*$'\n'}
  BODY=${out%$'\n'*}
}

# send METHOD PATH TOKEN IDEMPOTENCY-KEY DEMO-INSTANT [BODY] -> request to the command service ($CMD)
send() { request "$1" "$CMD$2" "${@:3}"; }

# query PATH TOKEN [MIN] -> sets STATUS and BODY of a read from the query service ($QRY). MIN,
# minPosition=P (a command's position) or minVersion=V (a plan's version), makes the read wait until
# the projection has applied that write (503 if it has not within the service's bound).
query() {
  local sep='?'
  [[ $1 == *\?* ]] && sep='&'
  request GET "$QRY$1${3:+$sep$3}" "$2" "" ""
}

# check WANT CONTEXT -> nothing when STATUS is WANT, else "FAIL: CONTEXT STATUS BODY" and exit 1
check() { [ "$STATUS" = "$1" ] || fail "$2 $STATUS $BODY"; }

# call METHOD PATH TOKEN IDEMPOTENCY-KEY DEMO-INSTANT [BODY] -> the answer's body on 2xx; else the
# problem on stderr, the request added to $PMP_DEMO_FAILURES (when set) and status 1.
call() {
  send "$1" "$2" "$3" "$4" "$5" "${6:-}"
  if [[ $STATUS != 2* ]]; then
    echo "  $1 $2 -> $STATUS $BODY" >&2
    [ -n "${PMP_DEMO_FAILURES:-}" ] && echo "$1 $2" >>"$PMP_DEMO_FAILURES"
    return 1
  fi
  printf '%s' "$BODY"
}

# fetch TOKEN URL [CURL OPTIONS...] -> the answer's bytes as they came (binary safe, for files and
# hashes); an HTTP error fails with curl's status 22.
fetch() { curl -fs ${1:+-H "Authorization: Bearer $1"} "${@:2}"; }

# ---- JSON ----------------------------------------------------------------------------------------

# field NAME JSON -> the value (string or number) of NAME's last occurrence in JSON
field() { sed -nE "s/.*\"$1\":\"?([^\",}]+)\"?.*/\1/p" <<<"$2"; }
# id_of JSON -> its "id"
id_of() { field id "$1"; }
# array_of NAME JSON -> the array NAME holds, as JSON ("[...]", up to the last "]")
array_of() { sed -nE "s/.*\"$1\":(\[.*\]).*/\1/p" <<<"$2"; }
# values_of NAME [PATTERN] < JSON or JSON lines -> every string value of NAME, one a line, in order;
# PATTERN (a grep regular expression, default [^"]*) narrows what a value may be. Status 1 when none
# (under pipefail).
values_of() { grep -o "\"$1\":\"${2:-[^\"]*}\"" | cut -d'"' -f4; }

# render TEMPLATE [NAME=VALUE...] -> the JSON template file with every {{NAME}} replaced by VALUE, as it
# is (give numbers, dates, codes and ids: no quotes or backslashes). A placeholder left unfilled prints
# nothing and fails, naming it.
render() {
  local template=$1 text pair
  shift
  text=$(<"$template") || return 1
  for pair; do text=${text//"{{${pair%%=*}}}"/"${pair#*=}"}; done
  if [[ $text =~ \{\{[^}]*\}\} ]]; then
    echo "render $template: ${BASH_REMATCH[0]} not given" >&2
    return 1
  fi
  printf '%s\n' "$text"
}

# ---- numbers and dates ---------------------------------------------------------------------------

# tenths N -> N/10 as a decimal (e.g. 615 -> 61.5); hundredths N -> N/100
tenths() { printf '%d.%d' $(( $1 / 10 )) $(( $1 % 10 )); }
hundredths() { printf '%d.%02d' $(( $1 / 100 )) $(( $1 % 100 )); }

# day DATE [DAYS] -> the date DAYS later (negative: earlier), at 17:00 UTC (10:00 in California)
day() { date -u -d "$1 ${2:-0} days" +%FT17:00:00Z; }
