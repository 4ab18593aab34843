<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>Controller</name>
    <message numerus="yes">
        <source>%n of your settings had values the app cannot use; they were reset to their defaults. You can set them again in Preferences.</source>
        <translation>
            <numerusform>%n of your settings had a value the app cannot use; it was reset to its default. You can set it again in Preferences.</numerusform>
            <numerusform>%n of your settings had values the app cannot use; they were reset to their defaults. You can set them again in Preferences.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>Tingling or pain spread further down your leg after a stretch %n times in the past week.</source>
        <translation>
            <numerusform>Tingling or pain spread further down your leg after a stretch once in the past week.</numerusform>
            <numerusform>Tingling or pain spread further down your leg after a stretch %n times in the past week.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message numerus="yes">
        <source>%1 s each side, %n rounds</source>
        <translation>
            <numerusform>%1 s each side, %n round</numerusform>
            <numerusform>%1 s each side, %n rounds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 s, %n rounds</source>
        <translation>
            <numerusform>%1 s, %n round</numerusform>
            <numerusform>%1 s, %n rounds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n times, slowly</source>
        <translation>
            <numerusform>%n time, slowly</numerusform>
            <numerusform>%n times, slowly</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n times, slowly, %1 sets</source>
        <translation>
            <numerusform>%n time, slowly, %1 sets</numerusform>
            <numerusform>%n times, slowly, %1 sets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>About %n minutes</source>
        <translation>
            <numerusform>About %n minute</numerusform>
            <numerusform>About %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Routine for %1: about %n minutes</source>
        <translation>
            <numerusform>Routine for %1: about %n minute</numerusform>
            <numerusform>Routine for %1: about %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That is shorter than the %n minutes you have: about a minute for each muscle and side is enough, so more time would not add to it.</source>
        <translation>
            <numerusform>That is shorter than the %n minute you have: about a minute for each muscle and side is enough, so more time would not add to it.</numerusform>
            <numerusform>That is shorter than the %n minutes you have: about a minute for each muscle and side is enough, so more time would not add to it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not every stretch fits in %n minutes; left out: %1.</source>
        <translation>
            <numerusform>Not every stretch fits in %n minute; left out: %1.</numerusform>
            <numerusform>Not every stretch fits in %n minutes; left out: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderActions</name>
    <message numerus="yes">
        <source>Walk for %n minutes</source>
        <translation>
            <numerusform>Walk for %n minute</numerusform>
            <numerusform>Walk for %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderPopup</name>
    <message numerus="yes">
        <source>Walk for %n minutes</source>
        <translation>
            <numerusform>Walk for %n minute</numerusform>
            <numerusform>Walk for %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Start my routine (about %n min)</source>
        <translation>
            <numerusform>Start my routine (about %n min)</numerusform>
            <numerusform>Start my routine (about %n min)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n routines</source>
        <translation>
            <numerusform>%n routine</numerusform>
            <numerusform>%n routines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimerPage</name>
    <message numerus="yes">
        <source>Stopped after %1 of %n holds.</source>
        <translation>
            <numerusform>Stopped after %1 of %n hold.</numerusform>
            <numerusform>Stopped after %1 of %n holds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You completed %1 of %n holds, %2 in all.</source>
        <translation>
            <numerusform>You completed %1 of %n hold, %2 in all.</numerusform>
            <numerusform>You completed %1 of %n holds, %2 in all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You completed %1 of %n holds and skipped %3, %2 in all.</source>
        <translation>
            <numerusform>You completed %1 of %n hold and skipped %3, %2 in all.</numerusform>
            <numerusform>You completed %1 of %n holds and skipped %3, %2 in all.</numerusform>
        </translation>
    </message>
</context>
</TS>
