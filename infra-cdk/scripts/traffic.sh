#!/usr/bin/env bash
# Uploads small test objects to the xraystarter bucket, one every INTERVAL seconds, so that each
# upload runs S3 -> SNS -> three Lambda functions -> DynamoDB and the X-Ray service map fills in.
set -euo pipefail

usage() {
  cat <<'USAGE'
usage: traffic.sh [--count N] [--interval SECONDS] [--bucket NAME] [--dry-run]

  --count N           objects to upload (default: $COUNT or 10)
  --interval SECONDS  pause between uploads (default: $INTERVAL or 5)
  --bucket NAME       bucket to upload to (default: the value of the CloudFormation
                      export xraystarter-bucket-name)
  --dry-run           print the aws commands instead of running them (needs no AWS access)

Environment: PROFILE and REGION, when set, are passed to aws as --profile / --region.
USAGE
}

die() {
  echo "traffic.sh: $*" >&2
  exit 2
}

count="${COUNT:-10}"
interval="${INTERVAL:-5}"
bucket="${BUCKET:-}"
dry_run=false
export_name="xraystarter-bucket-name"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --count) [[ $# -ge 2 ]] || die "--count needs a value"; count="$2"; shift 2 ;;
    --interval) [[ $# -ge 2 ]] || die "--interval needs a value"; interval="$2"; shift 2 ;;
    --bucket) [[ $# -ge 2 ]] || die "--bucket needs a value"; bucket="$2"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

[[ "$count" =~ ^[0-9]+$ && "$count" -ge 1 ]] || die "count must be a positive integer, got '$count'"
[[ "$interval" =~ ^[0-9]+$ ]] || die "interval must be a whole number of seconds, got '$interval'"

aws_opts=()
[[ -n "${PROFILE:-}" ]] && aws_opts+=(--profile "$PROFILE")
[[ -n "${REGION:-}" ]] && aws_opts+=(--region "$REGION")

# Runs a command, or in dry-run mode prints it shell-quoted, one line per command.
run() {
  if $dry_run; then
    printf '%q' "$1"
    shift
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}

if [[ -z "$bucket" ]]; then
  lookup=(aws ${aws_opts[@]+"${aws_opts[@]}"} cloudformation list-exports
    --query "Exports[?Name=='${export_name}'].Value" --output text)
  if $dry_run; then
    run "${lookup[@]}"
    bucket="<${export_name}>"
  else
    bucket="$("${lookup[@]}")"
    if [[ -z "$bucket" || "$bucket" == "None" ]]; then
      die "no CloudFormation export named ${export_name}; deploy the stack first (make deploy)"
    fi
  fi
fi

body="$(mktemp)"
trap 'rm -f "$body"' EXIT

for ((i = 1; i <= count; i++)); do
  key="test-$(date -u +%Y%m%dT%H%M%SZ)-${i}.txt"
  printf 'xspy traffic object %d of %d\n' "$i" "$count" >"$body"
  echo "upload ${i}/${count}: s3://${bucket}/${key}" >&2
  run aws ${aws_opts[@]+"${aws_opts[@]}"} s3 cp --only-show-errors "$body" "s3://${bucket}/${key}"
  if ((i < count)); then
    run sleep "$interval"
  fi
done
