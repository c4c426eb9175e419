# Prints each failed test of a .trx with its message and the first frames in our code.
function unxml(s) { gsub(/&quot;/, "\"", s); gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&apos;/, "'", s); gsub(/&amp;/, "\\&", s); return s }
/<UnitTestResult / {
  failing = ($0 ~ /outcome="(Failed|Error|Timeout|Aborted)"/)
  if (failing) { name = $0; sub(/.* testName="/, "", name); sub(/".*/, "", name); print "  " unxml(name) }
  inmsg = 0; instack = 0; lines = 0; frames = 0
}
failing && /<Message>/ { inmsg = 1; sub(/.*<Message>/, "") }
failing && inmsg {
  line = $0; done = sub(/<\/Message>.*/, "", line)
  if (lines < 8) print "      " unxml(line); lines++
  if (done) inmsg = 0
  next
}
failing && /<StackTrace>/ { instack = 1 }
failing && instack {
  if ($0 ~ /at HomeService\./ && frames < 3) { line = $0; sub(/.*<StackTrace>/, "", line); sub(/^ +/, "", line); print "      " unxml(line); frames++ }
  if ($0 ~ /<\/StackTrace>/) instack = 0
}
/<\/UnitTestResult>/ { failing = 0 }
