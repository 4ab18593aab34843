<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
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
</context>
</TS>
