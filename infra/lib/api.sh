# Sourced by infra/demo and infra/lifecycle: curl helpers for the PMP Ledger HTTP API (local profile).
CMD=${PMP_COMMAND_URL:-http://127.0.0.1:8081}
QRY=${PMP_QUERY_URL:-http://127.0.0.1:8082}

# token SUB ROLES(comma separated) [LCSA] [REGION] -> a local token from /dev/tokens
token() {
  local roles="\"${2//,/\",\"}\""
  local body="{\"sub\":\"$1\",\"roles\":[$roles]${3:+,\"lcsa\":\"$3\"}${4:+,\"region\":\"$4\"}}"
  curl -fs -X POST "$CMD/dev/tokens" -H 'Content-Type: application/json' -d "$body" \
    | sed -nE 's/.*"access_token":"([^"]+)".*/\1/p'
}

# call METHOD PATH TOKEN IDEMPOTENCY-KEY DEMO-INSTANT [BODY] -> the answer's body on 2xx; else the
# problem on stderr and status 1. The demo instant (local profile only) is when the command happens.
call() {
  local out status
  out=$(curl -s -w '\n%{http_code}' -X "$1" "$CMD$2" -H "Authorization: Bearer $3" -H "Idempotency-Key: $4" \
    ${5:+-H "X-Demo-Instant: $5"} -H 'Content-Type: application/json' ${6:+--data-binary "$6"})
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  if [[ $status != 2* ]]; then
    echo "  $1 $2 -> $status $out" >&2
    [ -n "${PMP_DEMO_FAILURES:-}" ] && echo "$1 $2" >>"$PMP_DEMO_FAILURES"
    return 1
  fi
  printf '%s' "$out"
}

# id_of JSON -> its "id"
id_of() { sed -nE 's/.*"id":"([^"]+)".*/\1/p' <<<"$1"; }

# tenths N -> N/10 as a decimal (e.g. 615 -> 61.5); hundredths N -> N/100
tenths() { printf '%d.%d' $(( $1 / 10 )) $(( $1 % 10 )); }
hundredths() { printf '%d.%02d' $(( $1 / 100 )) $(( $1 % 100 )); }

# day DATE [DAYS] -> the date DAYS later (negative: earlier), at 17:00 UTC (10:00 in California)
day() { date -u -d "$1 ${2:-0} days" +%FT17:00:00Z; }
