#!/bin/bash
# Record what the spoken cues sound like: a short `session` with spoken cues on, played by
# speech-dispatcher + espeak-ng into a PulseAudio null sink whose monitor is recorded.
#   tools/record_spoken_cues.sh LANG APP OUT_DIR
# LANG en|ja; APP an installed lowback-timer's Python with the `speech` extra (e.g. a venv's
# bin/python); needs speech-dispatcher, espeak-ng, pulseaudio, pulseaudio-utils and xvfb.
# Then: python3 tools/spoken_segments.py OUT_DIR (each cue, when it sounded and how long).
set -u
lang=$1 python=$2 out=$3
rm -rf "$out"; mkdir -p "$out"/config/lowback-timer "$out"/run; chmod 700 "$out"/run
export HOME=$out XDG_CONFIG_HOME=$out/config XDG_DATA_HOME=$out/data XDG_CACHE_HOME=$out/cache
export XDG_RUNTIME_DIR=$out/run
unset PYTHONDONTWRITEBYTECODE
cat > "$out"/config/lowback-timer/lowback-timer.conf <<CONF
[General]
setup_done=true
screened_at=$(date +%s)
types=sitting
ask_ratings=false
speech=true
breath_words=true
muted=true
language=$lang
CONF
pulseaudio --kill 2>/dev/null
pulseaudio -D --exit-idle-time=-1 --log-target=file:"$out"/pulse.log
sleep 1
pactl load-module module-null-sink sink_name=rec >/dev/null
pactl set-default-sink rec
parec -d rec.monitor --file-format=wav --rate=16000 --channels=1 "$out"/out.wav &
recorder=$!
sleep 2  # parec takes a moment to start recording
# A beep through the same server marks the moment on the monotonic clock (the app logs its
# cues on it too): the recording is aligned on it.
python3 -c "import math,struct,wave
w=wave.open('$out/beep.wav','wb');w.setnchannels(1);w.setsampwidth(2);w.setframerate(16000)
w.writeframes(b''.join(struct.pack('<h',int(12000*math.sin(2*math.pi*880*i/16000))) for i in range(3200)))"
echo "beep at $(python3 -c 'import time;print(time.monotonic())')" > "$out"/times.txt
paplay "$out"/beep.wav
sleep 1
# The routine (about three minutes), with every log line stamped on the monotonic clock.
timeout 200 xvfb-run -a -s "-screen 0 1280x900x24" "$python" - > "$out"/app.out 2> "$out"/app.err <<PY
import logging, sys, time
from lowback_timer import start
stamped = logging.basicConfig
def basic_config(*args, **kwargs):
    stamped(*args, **kwargs)
    for handler in logging.getLogger().handlers:
        handler.setFormatter(type("F", (logging.Formatter,), {"format": lambda self, r: f"{time.monotonic():.3f} {r.getMessage()}"})())
logging.basicConfig = basic_config
sys.argv = ["lowback-timer", "-v", "session", "--type", "sitting", "--place", "floor", "--minutes", "3"]
sys.exit(start.main())
PY
sleep 2
kill $recorder; wait $recorder 2>/dev/null
pkill -f speech-dispatcher; pulseaudio --kill
