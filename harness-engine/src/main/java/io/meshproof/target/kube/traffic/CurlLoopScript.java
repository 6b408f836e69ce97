package io.meshproof.target.kube.traffic;

import io.meshproof.load.LoadPlan;

import java.util.Locale;
import java.util.Map;

/**
 * The shell script a client pod runs to send a plan's requests with curl: POSIX sh (busybox ash in
 * the curl image, dash here), bounded by the plan's request count and duration, every request by
 * curl's {@code --max-time}. One line per request on stdout:
 * <pre>MP &lt;seq&gt; &lt;sent µs since epoch&gt; &lt;curl exit code&gt; &lt;HTTP status&gt; &lt;seconds taken&gt; &lt;podname or -&gt;</pre>
 * preceded by {@code MPCLOCK ns|us|s} (the send-time clock: {@code date +%N}, busybox {@code adjtimex},
 * or whole seconds) and followed by {@code MPEND <requests started>}. The open model starts request i
 * at start + (i-1)/rate in the background, so a slow answer does not delay the next send; the closed
 * model runs {@code concurrency} workers that each send the next request when the last one ended.
 */
public final class CurlLoopScript {

    private CurlLoopScript() {
    }

    public static String of(LoadPlan plan) {
        StringBuilder s = new StringBuilder();
        s.append("N=").append(plan.maxRequests()).append('\n');
        s.append("D=").append(Math.max(1, plan.maxDuration().toMillis())).append("000\n"); // µs
        s.append("T=").append(seconds(plan.requestTimeout().toMillis())).append('\n');
        s.append("URL=").append(quote(plan.uri().toString())).append('\n');
        s.append("""
                case "$(date +%N 2>/dev/null)" in
                  ''|*[!0-9]*)
                    if command -v adjtimex >/dev/null 2>&1 && adjtimex 2>/dev/null | grep -q tv_usec; then CLOCK=us; else CLOCK=s; fi ;;
                  *) CLOCK=ns ;;
                esac
                now() {
                  case $CLOCK in
                    ns) t=$(date +%s%N); echo "${t%???}" ;;
                    us) adjtimex | awk '/tv_sec/ {s=$2} /tv_usec/ {u=$2} END {printf "%d%06d\\n", s, u}' ;;
                    *) echo "$(date +%s)000000" ;;
                  esac
                }
                req() {
                  b="/tmp/mp-$$-$1"
                  o=$(curl -sS -o "$b" -w '%{http_code} %{time_total}' --max-time "$T" \
                """);
        s.append("    -X ").append(quote(plan.method()));
        for (Map.Entry<String, String> header : plan.headers().entrySet()) {
            s.append(" -H ").append(quote(header.getKey() + ": " + header.getValue()));
        }
        s.append(" \"$URL\" 2>/dev/null)\n");
        s.append("""
                  rc=$?
                  p=-
                  if [ -s "$b" ]; then
                    IFS= read -r l < "$b" || true
                    case "$l" in
                      *'"podname": "'*) p=${l#*'"podname": "'}; p=${p%%'"'*} ;;
                      *'"podname":"'*) p=${l#*'"podname":"'}; p=${p%%'"'*} ;;
                    esac
                  fi
                  rm -f "$b"
                  echo "MP $1 $2 $rc ${o:-000 0} ${p:--}"
                }
                echo "MPCLOCK $CLOCK"
                START=$(now)
                END=$((START + D))
                """);
        if (plan.openModel()) {
            long intervalMicros = Math.max(1, Math.round(1_000_000.0 / plan.ratePerSecond()));
            s.append("INTERVAL=").append(intervalMicros).append('\n');
            s.append("""
                    I=1
                    while [ "$I" -le "$N" ]; do
                      NOW=$(now)
                      [ "$NOW" -ge "$END" ] && break
                      if [ "$CLOCK" = s ]; then
                        SENT=$NOW
                        [ "$I" -gt 1 ] && sleep "$((INTERVAL / 1000000)).$(printf %06d $((INTERVAL % 1000000)))"
                      else
                        TARGET=$((START + (I - 1) * INTERVAL))
                        if [ "$TARGET" -gt "$NOW" ]; then
                          W=$((TARGET - NOW))
                          sleep "$((W / 1000000)).$(printf %06d $((W % 1000000)))"
                          SENT=$TARGET
                        else
                          SENT=$NOW
                        fi
                      fi
                      req "$I" "$SENT" &
                      I=$((I + 1))
                    done
                    wait
                    echo "MPEND $((I - 1))"
                    """);
        } else {
            s.append("C=").append(plan.concurrency()).append('\n');
            s.append("""
                    worker() {
                      i=$1
                      while [ "$i" -le "$N" ]; do
                        NOW=$(now)
                        [ "$NOW" -ge "$END" ] && break
                        req "$i" "$NOW"
                        i=$((i + C))
                      done
                    }
                    w=1
                    while [ "$w" -le "$C" ]; do
                      worker "$w" &
                      w=$((w + 1))
                    done
                    wait
                    echo "MPEND done"
                    """);
        }
        return s.toString();
    }

    /** A single-quoted shell word: nothing inside is expanded. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%d.%03d", millis / 1000, millis % 1000);
    }
}
