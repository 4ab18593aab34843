<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AdvicePage</name>
    <message>
        <source>Before you start</source>
        <translation>始める前に</translation>
    </message>
    <message>
        <source>Your routine leaves out what is said above. Go on only with what your doctor, surgeon or midwife is happy with, and stop at once if something feels wrong.</source>
        <translation>ルーティンからは、上に書いたものを外しています。担当の医師や助産師が認めた範囲で行い、違和感があればすぐに中止してください。</translation>
    </message>
    <message>
        <source>You can go on to the stretches. Move gently and stop at once if something feels wrong.</source>
        <translation>ストレッチに進んでかまいません。ゆっくり動き、違和感があればすぐに中止してください。</translation>
    </message>
    <message>
        <source>This is general information, not a diagnosis.</source>
        <translation>これは一般的な情報であり、診断ではありません。</translation>
    </message>
</context>
<context>
    <name>Background</name>
    <message>
        <source>Low-back Timer keeps running</source>
        <translation>腰ストレッチタイマーはバックグラウンドで動作中です</translation>
    </message>
    <message>
        <source>Posture reminders go on from here. Quit from this icon&apos;s menu.</source>
        <translation>姿勢のリマインダーはここから続きます。終了するには、このアイコンのメニューを使ってください。</translation>
    </message>
    <message>
        <source>Walk done — welcome back</source>
        <translation>歩き終わりました。おかえりなさい</translation>
    </message>
</context>
<context>
    <name>CarePage</name>
    <message>
        <source>Back to home</source>
        <translation>ホームに戻る</translation>
    </message>
    <message>
        <source>Skip this stretch and go on</source>
        <translation>このストレッチをスキップして続ける</translation>
    </message>
    <message>
        <source>On the screen after a stop or a warning sign: scroll its text</source>
        <translation>中止や注意サインのあとの画面：文章をスクロールする</translation>
    </message>
    <message>
        <source>Elsewhere: call your local emergency number.</source>
        <translation>ほかの地域では、その地域の救急番号に電話してください。</translation>
    </message>
    <message>
        <source>Stopped for now</source>
        <translation>いったん中止しました</translation>
    </message>
    <message>
        <source>Emergency number (%1)</source>
        <translation>%1の救急番号</translation>
    </message>
    <message>
        <source>Medical advice: %1</source>
        <translation>医療相談：%1</translation>
    </message>
    <message>
        <source>Other regions</source>
        <translation>ほかの地域</translation>
    </message>
    <message>
        <source>Emergency numbers and medical advice, by region:</source>
        <translation>地域別の救急番号と医療相談窓口</translation>
    </message>
    <message>
        <source>You said at least one of these applies:</source>
        <translation>当てはまると答えたもの（このうちの一つ以上）</translation>
    </message>
    <message>
        <source>You know your body best: if you are unsure, ask for help.</source>
        <translation>ご自身の体のことはご自身がいちばんよくわかります。迷うときは、医療機関に相談してください。</translation>
    </message>
    <message>
        <source>Call your local emergency number.</source>
        <translation>お住まいの地域の救急番号に電話してください。</translation>
    </message>
    <message>
        <source>Medical advice lines and emergency numbers, by region:</source>
        <translation>地域別の医療相談窓口と救急番号</translation>
    </message>
    <message>
        <source>%1: emergency %2 · advice: %3</source>
        <translation>%1：救急 %2、医療相談 %3</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Start at login could not be changed: %1</source>
        <translation>ログイン時の起動を変更できませんでした：%1</translation>
    </message>
    <message>
        <source>Your saved routine could not be read, so it was kept aside as %1. Today&apos;s routine is built from your answers instead.
%2</source>
        <translation>保存したルーティンを読み込めなかったため、%1 として別に保管しました。今日のルーティンは、代わりに回答をもとに作成しています。
%2</translation>
    </message>
    <message>
        <source>Your saved routine %1 could not be read, and it could not be moved aside either; it is left as it is and not used. Today&apos;s routine is built from your answers instead.
%2</source>
        <translation>保存したルーティン %1 を読み込めず、別の場所に移すこともできませんでした。ファイルはそのまま残し、使わずにおきます。今日のルーティンは、代わりに回答をもとに作成しています。
%2</translation>
    </message>
    <message numerus="yes">
        <source>%n of your settings had values the app cannot use; they were reset to their defaults. You can set them again in Preferences.</source>
        <translation>
            <numerusform>設定のうち%n件に使えない値があったため、初期値に戻しました。「設定」からもう一度変更できます。</numerusform>
        </translation>
    </message>
    <message>
        <source>Your settings and the result of your safety check cannot be saved (in %1 and %2), so they are forgotten when you quit. Please do the safety check again before your next routine, and check that these folders can be written.</source>
        <translation>設定と安全チェックの結果を保存できません（%1、%2）。アプリを終了すると失われます。次のルーティンの前に、もう一度安全チェックを行ってください。また、これらのフォルダーに書き込めるか確認してください。</translation>
    </message>
    <message>
        <source>Your settings cannot be saved to %1, so changes last only until you quit. Check that the folder exists and can be written.</source>
        <translation>設定を %1 に保存できません。変更はアプリを終了するまでのあいだだけ有効です。フォルダーがあり、書き込めるかを確認してください。</translation>
    </message>
</context>
<context>
    <name>DesktopSource</name>
    <message>
        <source>GNOME (Mutter)</source>
        <translation>GNOME（Mutter）</translation>
    </message>
    <message>
        <source>Screen saver service (KDE and others)</source>
        <translation>スクリーンセーバーのサービス（KDE など）</translation>
    </message>
    <message>
        <source>Notification server (KDE)</source>
        <translation>通知サーバー（KDE）</translation>
    </message>
    <message>
        <source>GNOME setting (Do Not Disturb)</source>
        <translation>GNOME の設定（おやすみモード）</translation>
    </message>
    <message>
        <source>Screen saver service</source>
        <translation>スクリーンセーバーのサービス</translation>
    </message>
    <message>
        <source>GNOME screen saver</source>
        <translation>GNOME のスクリーンセーバー</translation>
    </message>
    <message>
        <source>Login session (logind)</source>
        <translation>ログインセッション（logind）</translation>
    </message>
    <message>
        <source>X11 screen saver</source>
        <translation>X11 のスクリーンセーバー</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>Windows</translation>
    </message>
    <message>
        <source>macOS</source>
        <translation>macOS</translation>
    </message>
    <message>
        <source>Full-screen window (X11)</source>
        <translation>全画面表示のウィンドウ（X11）</translation>
    </message>
    <message>
        <source>Windows (busy or presenting)</source>
        <translation>Windows（取り込み中・プレゼンテーション中）</translation>
    </message>
</context>
<context>
    <name>DoneView</name>
    <message>
        <source>Do it again</source>
        <translation>もう一度行う</translation>
    </message>
    <message>
        <source>Back to home</source>
        <translation>ホームに戻る</translation>
    </message>
</context>
<context>
    <name>GroupPage</name>
    <message>
        <source>Safety check (%1 of %2)</source>
        <translation>安全チェック（%1／%2）</translation>
    </message>
    <message>
        <source>No, none of these</source>
        <translation>いいえ、どれも当てはまりません</translation>
    </message>
    <message>
        <source>Yes, at least one of these</source>
        <translation>はい、当てはまるものがあります</translation>
    </message>
    <message>
        <source>Which ones? Tick each that applies.</source>
        <translation>どれですか？当てはまるものすべてにチェックしてください。</translation>
    </message>
</context>
<context>
    <name>HistoryRecorder</name>
    <message>
        <source>The history cannot be read right now.</source>
        <translation>今は記録を読み込めません。</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>Your history</source>
        <translation>これまでの記録</translation>
    </message>
    <message>
        <source>Days with a routine</source>
        <translation>ルーティンをした日</translation>
    </message>
    <message>
        <source>Reminders answered</source>
        <translation>対応したリマインダー</translation>
    </message>
    <message>
        <source>The last five weeks</source>
        <translation>最近5週間</translation>
    </message>
    <message>
        <source>Two-week review</source>
        <translation>2週間のふり返り</translation>
    </message>
    <message>
        <source>How your back and legs felt</source>
        <translation>腰と脚の感じ方</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>フォルダーを開く</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSVに書き出す…</translation>
    </message>
    <message>
        <source>Delete all…</source>
        <translation>すべて削除…</translation>
    </message>
    <message>
        <source>How your back and legs felt (0 to 10)</source>
        <translation>腰と脚の感じ方（0〜10）</translation>
    </message>
    <message>
        <source>Kept only on this computer, in %1</source>
        <translation>記録はこのコンピューターの中だけ（%1）に保存されています</translation>
    </message>
    <message>
        <source>The history cannot be read right now.</source>
        <translation>今は記録を読み込めません。</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>今週</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>%1の週</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>day and month</comment>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>%1 of 7</source>
        <translation>7日中%1日</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2回中%1回</translation>
    </message>
    <message>
        <source>No routines yet.</source>
        <translation>まだルーティンの記録はありません。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>わからない</translation>
    </message>
    <message>
        <source>Routines by type: %1</source>
        <translation>タイプ別のルーティン回数：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSVに書き出す</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSVファイル (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした：%2</translation>
    </message>
    <message>
        <source>Delete all history</source>
        <translation>記録をすべて削除</translation>
    </message>
    <message>
        <source>Delete every session, rating and reminder kept so far? This cannot be undone.</source>
        <translation>これまでのルーティン、感じ方の記録、リマインダーをすべて削除しますか？元には戻せません。</translation>
    </message>
    <message>
        <source>Delete all</source>
        <translation>すべて削除</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>Today&apos;s routine</source>
        <translation>今日のルーティン</translation>
    </message>
    <message>
        <source>Start my routine</source>
        <translation>ルーティンを始める</translation>
    </message>
    <message>
        <source>Change answers</source>
        <translation>回答を変更する</translation>
    </message>
    <message>
        <source>Safety check</source>
        <translation>安全チェック</translation>
    </message>
    <message>
        <source>Print sheet…</source>
        <translation>シートを印刷…</translation>
    </message>
    <message>
        <source>Save sheet as PDF…</source>
        <translation>シートをPDFで保存…</translation>
    </message>
    <message>
        <source>Please do the safety check before your next routine. It takes a minute.</source>
        <translation>次のルーティンの前に、安全チェックをお願いします。1分ほどで終わります。</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Dismiss the two-week review for a week</source>
        <translation>2週間のふり返りを1週間表示しない</translation>
    </message>
    <message>
        <source>Hide this for a week</source>
        <translation>1週間、表示しないようにします</translation>
    </message>
    <message>
        <source>Set up my routine</source>
        <translation>ルーティンを設定する</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Left out today: %1</source>
        <translation>今日は外しています：%1</translation>
    </message>
    <message numerus="yes">
        <source>Tingling or pain spread further down your leg after a stretch %n times in the past week.</source>
        <translation>
            <numerusform>この1週間に%n回、ストレッチのあとでしびれや痛みが脚の先のほうへ広がりました。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2. %3</source>
        <translation>%1%2。%3</translation>
    </message>
    <message>
        <source>Routines are off for now</source>
        <translation>いまはルーティンをお休みしています</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>ようこそ</translation>
    </message>
    <message>
        <source>Your answers showed a sign that needs a doctor first, so the app offers no routine until you pass the safety check again.</source>
        <translation>先に医師に診てもらう必要があるサインがありました。安全チェックをもう一度行って問題がなくなるまで、このアプリはルーティンを案内しません。</translation>
    </message>
    <message>
        <source>Answer a few questions first: the safety check, what you feel, where you are and how much time you have. Then the app builds your routine.</source>
        <translation>まず、安全チェックと、今の症状・場所・使える時間についていくつか質問に答えてください。その答えをもとに、アプリがルーティンを作ります。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Low-back Timer</source>
        <translation>腰ストレッチタイマー</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>Pacing</name>
    <message>
        <source>Up</source>
        <translation>上げて</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>下ろして</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>%1回中</translation>
    </message>
    <message>
        <source>up</source>
        <translation>上げる</translation>
    </message>
    <message>
        <source>down</source>
        <translation>下ろす</translation>
    </message>
    <message>
        <source>Time %1 of %2, %3</source>
        <translation>%2回中%1回目、%3</translation>
    </message>
    <message>
        <source>Breathe in</source>
        <translation>吸って</translation>
    </message>
    <message>
        <source>Breathe out</source>
        <translation>ゆっくり吐いて</translation>
    </message>
</context>
<context>
    <name>Phrases</name>
    <message>
        <source>%1 s each side</source>
        <translation>左右各%1秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1秒</translation>
    </message>
    <message numerus="yes">
        <source>%1 s each side, %n rounds</source>
        <translation>
            <numerusform>左右各%1秒・%nセット</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 s, %n rounds</source>
        <translation>
            <numerusform>%1秒・%nセット</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n times, slowly</source>
        <translation>
            <numerusform>ゆっくり%n回</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n times, slowly, %1 sets</source>
        <translation>
            <numerusform>ゆっくり%n回・%1セット</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>About %n minutes</source>
        <translation>
            <numerusform>約%n分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Routine for %1: about %n minutes</source>
        <translation>
            <numerusform>%1のルーティン：約%n分</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>That is shorter than the %n minutes you have: about a minute for each muscle and side is enough, so more time would not add to it.</source>
        <translation>
            <numerusform>ご指定の%n分より短くなりますが、ひとつの筋肉につき片側1分ほどで十分です。時間を増やしても長くはなりません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not every stretch fits in %n minutes; left out: %1.</source>
        <translation>
            <numerusform>%n分ではすべてのストレッチは入りきらないため、%1は外しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <comment>between names in a list</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>You get this same routine with %1 minutes: each muscle needs only about a minute a side, so more time would not add to it.</source>
        <translation>%1分のどれを選んでも、同じルーティンになります。筋肉ごとに片側1分ほどで十分なので、時間を増やしても内容は変わりません。</translation>
    </message>
    <message>
        <source>%1. %2: %3</source>
        <translation>%1. %2：%3</translation>
    </message>
</context>
<context>
    <name>Picture</name>
    <message>
        <source>Picture</source>
        <translation>イラスト</translation>
    </message>
</context>
<context>
    <name>PlacePage</name>
    <message>
        <source>Where, and how long?</source>
        <translation>場所と時間</translation>
    </message>
    <message>
        <source>Where are you?</source>
        <translation>どこで行いますか？</translation>
    </message>
    <message>
        <source>How much time do you have?</source>
        <translation>時間はどのくらいありますか？</translation>
    </message>
    <message>
        <source>About %1 minutes</source>
        <translation>約%1分</translation>
    </message>
    <message>
        <source>A gentler routine: longer, easier holds, one round, more time to change position, and no kneeling or standing on one leg (suits many older adults)</source>
        <translation>やさしめのルーティン：1回ずつ長めにゆったりキープし、姿勢を変える時間も長めにとります。膝立ちや片脚立ちはしません（年配の方の多くに向いています）</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Play soft sounds when a hold starts, ends or changes side</source>
        <translation>キープの開始・終了と左右の切り替えで、やさしい音を鳴らす</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <source>Soft tones for breathing in and out</source>
        <translation>吸う・吐くのタイミングで小さな音を鳴らす</translation>
    </message>
    <message>
        <source>Spoken cues (where the system has a voice)</source>
        <translation>音声で案内する（音声が使える環境のみ）</translation>
    </message>
    <message>
        <source>Spoken cues need the optional speech package: pip install &apos;lowback-timer[speech]&apos;</source>
        <translation>音声の案内には追加の音声パッケージが必要です：pip install &apos;lowback-timer[speech]&apos;</translation>
    </message>
    <message>
        <source>Say “In” and “Out” at the first breaths of each hold</source>
        <translation>キープの始めの数回の呼吸で「吸って」「吐いて」と声で伝える</translation>
    </message>
    <message>
        <source>Japanese speech here is basic (espeak-ng): short words in kana, spoken plainly.</source>
        <translation>この環境の日本語の音声は簡易的なもの（espeak-ng）です。短い言葉をかなで読み上げます。</translation>
    </message>
    <message>
        <source>Show the breathing pacer</source>
        <translation>呼吸のガイドを表示する</translation>
    </message>
    <message>
        <source> s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Animate the pacer (turn off for a still screen)</source>
        <translation>呼吸のガイドを動かす（オフにすると画面が動きません）</translation>
    </message>
    <message>
        <source>Ask how my back and legs feel before and after a routine</source>
        <translation>ルーティンの前後に、腰と脚の感じ方をたずねる</translation>
    </message>
    <message>
        <source>Gentler routine: longer, easier holds and more time to change position</source>
        <translation>やさしめのルーティン（長めにゆったりキープし、姿勢を変える時間も長めに）</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>システムと同じ</translation>
    </message>
    <message>
        <source>Breathe in for</source>
        <translation>吸う時間</translation>
    </message>
    <message>
        <source>Breathe out for</source>
        <translation>吐く時間</translation>
    </message>
    <message>
        <source>Get ready before each stretch</source>
        <translation>各ストレッチ前の準備時間</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>間隔</translation>
    </message>
    <message>
        <source>From</source>
        <translation>開始時刻</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>終了時刻</translation>
    </message>
    <message>
        <source>On</source>
        <translation>曜日</translation>
    </message>
    <message>
        <source>During a presentation, wait up to</source>
        <translation>発表中などは最大で待つ時間</translation>
    </message>
    <message>
        <source>After each stretch, ask whether leg symptoms spread</source>
        <translation>ストレッチ後に、脚の症状の広がりを確認する</translation>
    </message>
    <message>
        <source>Emergency numbers for</source>
        <translation>救急番号を表示する地域</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>ルーティン</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>リマインダー</translation>
    </message>
    <message>
        <source>A new language is used from the next start.</source>
        <translation>言語の変更は、次に起動したときから反映されます。</translation>
    </message>
    <message>
        <source>General</source>
        <translation>全般</translation>
    </message>
    <message>
        <source>For “%1”</source>
        <translation>「%1」のときだけ</translation>
    </message>
    <message>
        <source>Always</source>
        <translation>いつも</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>確認しない</translation>
    </message>
    <message>
        <source>Remind me to change posture while I work</source>
        <translation>作業中に姿勢を変えるよう知らせる</translation>
    </message>
    <message>
        <source> min</source>
        <translation>分</translation>
    </message>
    <message>
        <source>While a window is full screen or notifications are silenced, a reminder waits this long, then comes anyway.</source>
        <translation>全画面のウィンドウがあるときや通知がオフのときは、この時間まで待ってから知らせます。</translation>
    </message>
    <message>
        <source>This desktop does not tell how long you were away, so a reminder comes on time even after a break. Press “I moved” to start the hour again.</source>
        <translation>このデスクトップでは席を離れていた時間がわからないため、休憩のあとでも時間どおりに知らせます。「体を動かしました」を押すと、そこから数え直します。</translation>
    </message>
    <message>
        <source>Start at login, in the tray</source>
        <translation>ログイン時にトレイで起動する</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>How long you were away: %1</source>
        <translation>席を離れていた時間：%1</translation>
    </message>
    <message>
        <source>How long you were away: no source answers on this desktop</source>
        <translation>席を離れていた時間：このデスクトップでは確認できません</translation>
    </message>
    <message>
        <source>Do Not Disturb and full screen: %1</source>
        <translation>おやすみモードと全画面表示：%1</translation>
    </message>
    <message>
        <source>Do Not Disturb and full screen: no source answers; reminders come anyway</source>
        <translation>おやすみモードと全画面表示：確認できないため、リマインダーはそのままお知らせします</translation>
    </message>
    <message>
        <source>Screen lock: %1</source>
        <translation>画面のロック：%1</translation>
    </message>
    <message>
        <source>Screen lock: no source answers; reminders come while it is locked</source>
        <translation>画面のロック：確認できないため、ロック中もリマインダーが出ます</translation>
    </message>
    <message>
        <source>This self-contained build has no spoken cues: the app installed with pip has them (lowback-timer[speech])</source>
        <translation>この単体版には音声ガイドがありません。pip でインストールしたアプリ（lowback-timer[speech]）で使えます</translation>
    </message>
    <message>
        <source>The speech engine does not answer: speech-dispatcher needs a sound server (PulseAudio or PipeWire)</source>
        <translation>音声エンジンが応答しません。speech-dispatcher にはサウンドサーバー（PulseAudio または PipeWire）が必要です</translation>
    </message>
    <message>
        <source>No speech engine answers: install speech-dispatcher</source>
        <translation>応答する音声エンジンがありません。speech-dispatcher をインストールしてください</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Your routine</source>
        <translation>あなたのルーティン</translation>
    </message>
    <message>
        <source>Save as my routine</source>
        <translation>マイルーティンとして保存</translation>
    </message>
    <message>
        <source>About %1 in all</source>
        <translation>合計 約%1</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>保存できませんでした：%1</translation>
    </message>
    <message>
        <source>Saved as my routine.</source>
        <translation>マイルーティンとして保存しました。</translation>
    </message>
</context>
<context>
    <name>PreviewRow</name>
    <message>
        <source> s</source>
        <translation>秒</translation>
    </message>
    <message>
        <source>Hold for %1</source>
        <translation>%1のキープ時間</translation>
    </message>
    <message>
        <source>Hold: %1–%2 seconds</source>
        <translation>キープ：%1〜%2秒</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>キープ時間</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>時間</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>上へ</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>下へ</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
</context>
<context>
    <name>RatingPage</name>
    <message>
        <source>0 = not at all, 10 = the worst you can imagine. Each row is optional.</source>
        <translation>0＝まったくない、10＝考えられる最もつらい状態。各項目は任意です。</translation>
    </message>
    <message>
        <source>Lower back pain</source>
        <translation>腰の痛み</translation>
    </message>
    <message>
        <source>Heavy or tired legs</source>
        <translation>脚の重さ・だるさ</translation>
    </message>
    <message>
        <source>Don&apos;t ask me again (Preferences can turn it back on)</source>
        <translation>次からたずねない（「設定」で元に戻せます）</translation>
    </message>
    <message>
        <source>Skip (Esc)</source>
        <translation>スキップ（Esc）</translation>
    </message>
    <message>
        <source>Go on (Enter)</source>
        <translation>進む (Enter)</translation>
    </message>
    <message>
        <source>And now, how do they feel?</source>
        <translation>終わった今は、どう感じますか？</translation>
    </message>
    <message>
        <source>Before you start: how do they feel right now?</source>
        <translation>始める前に：今はどう感じますか？</translation>
    </message>
</context>
<context>
    <name>RatingsChart</name>
    <message>
        <source>Back, before</source>
        <translation>腰（開始前）</translation>
    </message>
    <message>
        <source>Back, after</source>
        <translation>腰（終了後）</translation>
    </message>
    <message>
        <source>Legs, before</source>
        <translation>脚（開始前）</translation>
    </message>
    <message>
        <source>Legs, after</source>
        <translation>脚（終了後）</translation>
    </message>
    <message>
        <source>No ratings yet. They are asked before and after a routine (0 to 10).</source>
        <translation>まだ記録がありません。ルーティンの前後に0〜10でたずねます。</translation>
    </message>
    <message>
        <source>d MMM</source>
        <comment>day and month</comment>
        <translation>M月d日</translation>
    </message>
</context>
<context>
    <name>RegionChoice</name>
    <message>
        <source>Somewhere else</source>
        <translation>その他の地域</translation>
    </message>
    <message>
        <source>Where you live</source>
        <translation>お住まいの地域</translation>
    </message>
    <message>
        <source>Its emergency numbers are shown first.</source>
        <translation>その地域の救急番号が最初に表示されます。</translation>
    </message>
</context>
<context>
    <name>ReminderActions</name>
    <message>
        <source>Open Low-back Timer</source>
        <translation>腰ストレッチタイマーを開く</translation>
    </message>
    <message>
        <source>Start my routine</source>
        <translation>ルーティンを始める</translation>
    </message>
    <message>
        <source>Stand up now</source>
        <translation>今すぐ立ち上がる</translation>
    </message>
    <message>
        <source>I just moved</source>
        <translation>いま体を動かした</translation>
    </message>
    <message numerus="yes">
        <source>Walk for %n minutes</source>
        <translation>
            <numerusform>%n分歩く</numerusform>
        </translation>
    </message>
    <message>
        <source>End the walk</source>
        <translation>歩くのを終える</translation>
    </message>
    <message>
        <source>Remind me in %1 min</source>
        <translation>%1分後にもう一度知らせる</translation>
    </message>
    <message>
        <source>Pause reminders</source>
        <translation>リマインダーを一時停止</translation>
    </message>
    <message>
        <source>Pause for an hour</source>
        <translation>1時間停止する</translation>
    </message>
    <message>
        <source>Pause until tomorrow</source>
        <translation>明日まで停止する</translation>
    </message>
    <message>
        <source>Pause until I resume</source>
        <translation>再開するまで停止する</translation>
    </message>
    <message>
        <source>Resume reminders</source>
        <translation>リマインダーを再開する</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>設定…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Walking: %1 left</source>
        <translation>歩く時間：残り %1</translation>
    </message>
    <message>
        <source>Next posture reminder at %1</source>
        <translation>次の姿勢リマインダー：%1</translation>
    </message>
    <message>
        <source>Reminders paused until %1</source>
        <translation>リマインダーは%1まで停止中</translation>
    </message>
    <message>
        <source>Posture reminders are off</source>
        <translation>姿勢リマインダーはオフです</translation>
    </message>
    <message>
        <source>No working days chosen for reminders</source>
        <translation>リマインダーの曜日が選ばれていません</translation>
    </message>
    <message>
        <source>Reminders paused until you resume them</source>
        <translation>リマインダーは再開するまで停止中</translation>
    </message>
    <message>
        <source>No reminders while the screen is locked</source>
        <translation>画面ロック中はリマインダーを出しません</translation>
    </message>
</context>
<context>
    <name>ReminderPopup</name>
    <message>
        <source>Time to move</source>
        <translation>姿勢を変える時間です</translation>
    </message>
    <message>
        <source>Posture reminder</source>
        <translation>姿勢のリマインダー</translation>
    </message>
    <message>
        <source>From the keyboard, answer in the menu of the Low-back Timer icon, or in its window.</source>
        <translation>キーボードでは、腰ストレッチタイマーのアイコンのメニューか、そのウィンドウから答えられます。</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>I moved</source>
        <translation>体を動かしました</translation>
    </message>
    <message numerus="yes">
        <source>Walk for %n minutes</source>
        <translation>
            <numerusform>%n分歩く</numerusform>
        </translation>
    </message>
    <message>
        <source>A small timer counts the walk down; the next reminder counts from its end.</source>
        <translation>小さなタイマーで歩く時間を計ります。次のリマインダーは歩き終えたときから数えます。</translation>
    </message>
    <message numerus="yes">
        <source>Start my routine (about %n min)</source>
        <translation>
            <numerusform>ルーティンを始める（約%n分）</numerusform>
        </translation>
    </message>
    <message>
        <source>Start my routine</source>
        <translation>ルーティンを始める</translation>
    </message>
    <message>
        <source>Snooze %1 min</source>
        <translation>%1分後にもう一度</translation>
    </message>
</context>
<context>
    <name>ReviewText</name>
    <message>
        <source>No better after two weeks of stretching? Have it checked by your doctor or a physiotherapist.</source>
        <translation>2週間ほど続けても楽にならないときは、医療機関で相談しましょう。</translation>
    </message>
    <message>
        <source>Your back and legs feel worse than in your first week: back %1, legs %2 before a routine. %3.</source>
        <translation>最初の週より、腰も脚もつらくなっています（開始前：腰 %1、脚 %2）。%3。</translation>
    </message>
    <message>
        <source>Your back feels worse than in your first week: %1 before a routine. %2.</source>
        <translation>最初の週より、腰がつらくなっています（開始前：%1）。%2。</translation>
    </message>
    <message>
        <source>Your legs feel worse than in your first week: %1 before a routine. %2.</source>
        <translation>最初の週より、脚がつらくなっています（開始前：%1）。%2。</translation>
    </message>
    <message>
        <source>Your back: %1, your legs: %2 before a routine, since your first week. Keep going at your own pace.</source>
        <translation>開始前の腰：%1、脚：%2（最初の週から）。この調子で、無理なく続けましょう。</translation>
    </message>
    <message>
        <source>Your back: %1 before a routine, since your first week. Keep going at your own pace.</source>
        <translation>開始前の腰：%1（最初の週から）。この調子で、無理なく続けましょう。</translation>
    </message>
    <message>
        <source>Your legs: %1 before a routine, since your first week. Keep going at your own pace.</source>
        <translation>開始前の脚：%1（最初の週から）。この調子で、無理なく続けましょう。</translation>
    </message>
    <message>
        <source>Not enough history yet for the two-week review: it comes %1 after your first rated routine, once you have done %2.</source>
        <translation>2週間のふり返りには、まだ記録が足りません。感じ方を記録した最初のルーティンから%1たち、%2以上行うと表示されます。</translation>
    </message>
    <message>
        <source>Not enough ratings yet for the two-week review: it compares how your back and legs felt before a routine in your first week and in the last 7 days.</source>
        <translation>2週間のふり返りには、まだ感じ方の記録が足りません。最初の週と直近7日間の、開始前の腰と脚の感じ方を比べます。</translation>
    </message>
    <message>
        <source>%1 So far: %2 and %3.</source>
        <comment>why there is no review yet, then how far</comment>
        <translation>%1（これまで：%2経過、%3）</translation>
    </message>
    <message>
        <source>Days with a routine in the last %1 days: %2</source>
        <translation>直近%1日間でルーティンをした日：%2日</translation>
    </message>
    <message>
        <source>Back before a routine (median, 0 to 10): first week %1, last 7 days %2</source>
        <translation>開始前の腰（0〜10の中央値）：最初の週 %1、直近7日間 %2</translation>
    </message>
    <message>
        <source>Legs before a routine (median, 0 to 10): first week %1, last 7 days %2</source>
        <translation>開始前の脚（0〜10の中央値）：最初の週 %1、直近7日間 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n日</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n routines</source>
        <translation>
            <numerusform>%n回</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RoutineFlow</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>RunningView</name>
    <message>
        <source>Stretch timer</source>
        <translation>ストレッチタイマー</translation>
    </message>
    <message>
        <source>Space: pause or go on. Left: back. Right: skip. Esc: something feels wrong.</source>
        <translation>Space：一時停止・再開。←：戻る。→：スキップ。Esc：違和感があるときの中止。</translation>
    </message>
    <message>
        <source>The side to stretch</source>
        <translation>伸ばす側</translation>
    </message>
    <message>
        <source>Picture of the stretch</source>
        <translation>ストレッチのイラスト</translation>
    </message>
    <message>
        <source>Countdown</source>
        <translation>カウントダウン</translation>
    </message>
    <message>
        <source>Breathing pacer</source>
        <translation>呼吸のガイド</translation>
    </message>
    <message>
        <source>A circle that grows as you breathe in and shrinks as you breathe out</source>
        <translation>吸うと大きく、吐くと小さくなる円</translation>
    </message>
    <message>
        <source>◀ Back</source>
        <translation>◀ 戻る</translation>
    </message>
    <message>
        <source>Skip ▶</source>
        <translation>スキップ ▶</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Something feels wrong</source>
        <translation>違和感がある・中止する</translation>
    </message>
    <message>
        <source>Stop now (Esc)</source>
        <translation>すぐに中止する（Esc）</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>戻る</translation>
    </message>
    <message>
        <source>Pause or resume</source>
        <translation>一時停止・再開</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Something feels wrong: stop now</source>
        <translation>違和感がある：今すぐ中止</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up your routine</source>
        <translation>ルーティンの設定</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Use this routine</source>
        <translation>このルーティンを使う</translation>
    </message>
</context>
<context>
    <name>Sheet</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>SheetPreview</name>
    <message>
        <source>&amp;Print… (Ctrl+P)</source>
        <translation>印刷(&amp;P)…（Ctrl+P）</translation>
    </message>
</context>
<context>
    <name>SheetWords</name>
    <message>
        <source>My stretching routine</source>
        <translation>わたしのストレッチルーティン</translation>
    </message>
    <message>
        <source>Key point: %1</source>
        <translation>ポイント：%1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>a warning tier&apos;s heading, then what to do</comment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Go to the emergency department now (don&apos;t drive yourself), or call your local emergency number</source>
        <translation>すぐ救急外来へ（自分で運転しない）、または地域の救急番号に電話</translation>
    </message>
    <message>
        <source>Go to the emergency department now (don&apos;t drive yourself), or call %1 (%2; elsewhere, your local emergency number)</source>
        <translation>すぐ救急外来へ（自分で運転しない）、または%1番に電話（%2。その他の地域では現地の救急番号）</translation>
    </message>
    <message>
        <source>See your doctor today, or call a medical advice line</source>
        <translation>かかりつけ医などを受診、または医療相談窓口に電話</translation>
    </message>
    <message>
        <source>See your doctor today, or call %1</source>
        <translation>かかりつけ医などを受診、または%1に電話</translation>
    </message>
    <message>
        <source>Tick a box each day you do the routine</source>
        <translation>ルーティンをした日に、チェックを入れましょう</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>%1日目</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>%1／%2ページ</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>キー</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>はたらき</translation>
    </message>
    <message>
        <source>During a routine</source>
        <translation>ルーティン中</translation>
    </message>
    <message>
        <source>Elsewhere</source>
        <translation>そのほか</translation>
    </message>
    <message>
        <source>Back to the step before</source>
        <translation>ひとつ前のステップに戻る</translation>
    </message>
    <message>
        <source>Skip to the next step</source>
        <translation>次のステップへ進む</translation>
    </message>
    <message>
        <source>Pause, or go on</source>
        <translation>一時停止、または再開</translation>
    </message>
    <message>
        <source>Stop now (“Something feels wrong”)</source>
        <translation>今すぐ中止（「違和感がある」）</translation>
    </message>
    <message>
        <source>Stopped by mistake: go on with the routine</source>
        <translation>まちがえて中止したとき：ルーティンを続ける</translation>
    </message>
    <message>
        <source>After a stretch, “Did it spread?”: No (Tab, then Enter: Yes)</source>
        <translation>ストレッチのあと「広がっていませんか？」：いいえ（Tab のあと Enter で「はい」）</translation>
    </message>
    <message>
        <source>How do they feel? (before and after a routine)</source>
        <translation>感じ方の質問（ルーティンの前後）</translation>
    </message>
    <message>
        <source>0 … 9</source>
        <translation>0 … 9</translation>
    </message>
    <message>
        <source>Choose that number in the row with the focus</source>
        <translation>フォーカスのある行でその数字を選ぶ</translation>
    </message>
    <message>
        <source>Left / Right</source>
        <translation>← / →</translation>
    </message>
    <message>
        <source>One less / one more</source>
        <translation>ひとつ小さく / ひとつ大きく</translation>
    </message>
    <message>
        <source>Home / End</source>
        <translation>Home / End</translation>
    </message>
    <message>
        <source>0 / 10</source>
        <translation>0 / 10</translation>
    </message>
    <message>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <source>The other row</source>
        <translation>もう一方の行へ</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>進む</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Skip the question</source>
        <translation>質問をスキップ</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>どの画面でも</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation>Tab / Shift+Tab</translation>
    </message>
    <message>
        <source>The next / the previous control</source>
        <translation>次の / 前の項目へ</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Press the button or tick the box with the focus</source>
        <translation>フォーカスのあるボタンを押す、またはチェックを入れる</translation>
    </message>
    <message>
        <source>The highlighted button (Next, OK, Start…)</source>
        <translation>強調されたボタン（次へ、OK、開始…）</translation>
    </message>
    <message>
        <source>Close a dialog, or cancel it</source>
        <translation>ダイアログを閉じる、またはキャンセルする</translation>
    </message>
    <message>
        <source>Alt + underlined letter</source>
        <translation>Alt ＋ 下線の文字</translation>
    </message>
    <message>
        <source>That menu or button</source>
        <translation>そのメニューやボタン</translation>
    </message>
</context>
<context>
    <name>SpokenCues</name>
    <message>
        <source>Get ready: %1</source>
        <translation>じゅんび。%1</translation>
    </message>
    <message>
        <source>Switch to the %1 side</source>
        <translation>はんたいがわへ。%1がわです</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>きゅうけい</translation>
    </message>
    <message>
        <source>Begin, slowly</source>
        <translation>ゆっくり はじめます</translation>
    </message>
    <message>
        <source>Hold, %1 side</source>
        <translation>%1がわ、キープ</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>キープ</translation>
    </message>
    <message>
        <source>right</source>
        <translation>みぎ</translation>
    </message>
    <message>
        <source>left</source>
        <translation>ひだり</translation>
    </message>
    <message>
        <source>In…</source>
        <translation>すって</translation>
    </message>
    <message>
        <source>Out…</source>
        <translation>はいて</translation>
    </message>
</context>
<context>
    <name>SpreadQuestion</name>
    <message>
        <source>Any tingling or pain spreading further down the leg?</source>
        <translation>しびれや痛みが、脚の先のほうへ広がっていませんか？</translation>
    </message>
    <message>
        <source>No (%1)</source>
        <translation>いいえ（%1）</translation>
    </message>
    <message>
        <source>Yes, it spread</source>
        <translation>はい、広がりました</translation>
    </message>
    <message>
        <source>Enter or Space: no, and the routine goes on. Tab: “Yes, it spread”.</source>
        <translation>Enter か Space で「いいえ」となり、そのまま続きます。Tab で「はい、広がりました」に移ります。</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>StartAtLogin</name>
    <message>
        <source>Low-back Timer</source>
        <translation>腰ストレッチタイマー</translation>
    </message>
    <message>
        <source>Reminds you to change posture while you work</source>
        <translation>作業中に姿勢を変えるよう知らせます</translation>
    </message>
</context>
<context>
    <name>StatusWindow</name>
    <message>
        <source>Low-back Timer</source>
        <translation>腰ストレッチタイマー</translation>
    </message>
    <message>
        <source>Next reminder</source>
        <translation>次のリマインダー</translation>
    </message>
</context>
<context>
    <name>StopView</name>
    <message>
        <source>Go on (%1)</source>
        <translation>続ける（%1）</translation>
    </message>
    <message>
        <source>Go on with the routine</source>
        <translation>ルーティンを続ける</translation>
    </message>
    <message>
        <source>Pressed by mistake? Go back to the routine, paused.</source>
        <translation>まちがえて押しましたか？一時停止した状態でルーティンに戻れます。</translation>
    </message>
    <message>
        <source>Stopped. What happened?</source>
        <translation>中止しました。どうしましたか？</translation>
    </message>
    <message>
        <source>Choose what fits best; the next screen says what to do.</source>
        <translation>いちばん近いものを選んでください。次の画面で、どうすればよいかをお伝えします。</translation>
    </message>
    <message>
        <source>After a stop pressed by mistake: back to the routine</source>
        <translation>まちがえて中止したとき：ルーティンに戻る</translation>
    </message>
</context>
<context>
    <name>TimerPage</name>
    <message>
        <source>Right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <source>Left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <source>right leg</source>
        <translation>右脚</translation>
    </message>
    <message>
        <source>left leg</source>
        <translation>左脚</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Paused — %1</source>
        <translation>一時停止中 — %1</translation>
    </message>
    <message>
        <source>%1 left, %2</source>
        <translation>残り%1、%2</translation>
    </message>
    <message>
        <source>Well done</source>
        <translation>おつかれさまでした</translation>
    </message>
    <message>
        <source>Stand up and walk a few steps. Stretch again later, or tomorrow.</source>
        <translation>立ち上がって、少し歩いてみましょう。ストレッチはまたあとで、または明日にどうぞ。</translation>
    </message>
    <message>
        <source>Key: %1</source>
        <translation>キー：%1</translation>
    </message>
    <message>
        <source>Rest</source>
        <translation>休憩</translation>
    </message>
    <message>
        <source>Hold</source>
        <translation>キープ</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>動かす</translation>
    </message>
    <message>
        <source>Get ready</source>
        <translation>準備</translation>
    </message>
    <message>
        <source>Switch sides</source>
        <translation>反対側へ</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左</translation>
    </message>
    <message>
        <source>This is the last step of the routine.</source>
        <translation>これがルーティンの最後のステップです。</translation>
    </message>
    <message>
        <source>Routine ended</source>
        <translation>ルーティンを終えました</translation>
    </message>
    <message>
        <source>No holds this time, and that&apos;s fine; next time even one counts.</source>
        <translation>今回はキープなしでも大丈夫です。次は1回だけでも、それが一歩になります。</translation>
    </message>
    <message>
        <source>Hold %1 of %2 · time left %3</source>
        <translation>キープ %1/%2・残り %3</translation>
    </message>
    <message numerus="yes">
        <source>You completed %1 of %n holds, %2 in all.</source>
        <translation>
            <numerusform>%n回中%1回キープしました（合計 %2）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You completed %1 of %n holds and skipped %3, %2 in all.</source>
        <translation>
            <numerusform>%n回中%1回キープし、%3回スキップしました（合計 %2）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Start (Space)</source>
        <translation>開始（Space）</translation>
    </message>
    <message>
        <source>Resume (Space)</source>
        <translation>再開（Space）</translation>
    </message>
    <message>
        <source>Pause (Space)</source>
        <translation>一時停止（Space）</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %1 of %n holds.</source>
        <translation>
            <numerusform>%n回中%1回キープしたところで中止しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Next: %1 — %2</source>
        <translation>次：%1 — %2</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Low-back Timer</source>
        <translation>腰ストレッチタイマー</translation>
    </message>
</context>
<context>
    <name>TypePage</name>
    <message>
        <source>Which sounds most like you?</source>
        <translation>いちばん近いのはどれですか？</translation>
    </message>
    <message>
        <source>Pick one or more, or “Not sure”.</source>
        <translation>1つ以上選ぶか、「わからない」を選んでください。</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>わからない</translation>
    </message>
    <message>
        <source>A balanced routine with all four stretches.</source>
        <translation>4つのストレッチをバランスよく行うルーティンです。</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>ようこそ</translation>
    </message>
    <message>
        <source>Short, guided stretches for an aching lower back and heavy legs, timed for you with calm breathing cues.</source>
        <translation>腰の痛みや脚の重だるさに向けた、短いストレッチをご案内します。時間はタイマーで計り、ゆったりした呼吸の合図もお知らせします。</translation>
    </message>
    <message>
        <source>First a short safety check, then three questions: how it feels, where you are, and how much time you have. You can change the answers later.</source>
        <translation>はじめに簡単な安全チェックをしてから、3つの質問（今の感じ方、場所、使える時間）にお答えいただきます。回答はあとから変更できます。</translation>
    </message>
    <message>
        <source>Where do you live? If you ever need help, its numbers are shown first.</source>
        <translation>お住まいの地域はどこですか？助けが必要なとき、その地域の番号を最初に表示します。</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;Routine</source>
        <translation>ルーティン(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Start my routine</source>
        <translation>ルーティンを始める(&amp;S)</translation>
    </message>
    <message>
        <source>Change &amp;answers…</source>
        <translation>回答を変更(&amp;A)…</translation>
    </message>
    <message>
        <source>Safety &amp;check…</source>
        <translation>安全チェック(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>記録(&amp;H)…</translation>
    </message>
    <message>
        <source>P&amp;rint sheet…</source>
        <translation>シートを印刷(&amp;R)…</translation>
    </message>
    <message>
        <source>Save sheet as P&amp;DF…</source>
        <translation>シートをPDFで保存(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>How often, and what to expect</source>
        <translation>行う頻度と、期待できること</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>このアプリについて(&amp;A)</translation>
    </message>
    <message>
        <source>About Low-back Timer</source>
        <translation>腰ストレッチタイマーについて</translation>
    </message>
    <message>
        <source>Low-back Timer %1

Guided stretches for an aching lower back and heavy legs. General guidance, not a diagnosis or a treatment.

Your history and settings stay on this computer; nothing is sent anywhere.</source>
        <translation>腰ストレッチタイマー %1

腰の痛みや脚の重だるさに向けた、ガイド付きのストレッチです。一般的なガイドであり、診断や治療ではありません。

記録と設定はこのコンピューターの中だけに保存され、どこにも送信されません。</translation>
    </message>
    <message>
        <source>Save sheet as PDF</source>
        <translation>シートをPDFで保存</translation>
    </message>
    <message>
        <source>stretching-routine.pdf</source>
        <translation>ストレッチルーティン.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDFファイル (*.pdf)</translation>
    </message>
    <message>
        <source>Sheet saved as %1</source>
        <translation>シートを %1 に保存しました</translation>
    </message>
    <message>
        <source>Safety check</source>
        <translation>安全チェック</translation>
    </message>
    <message>
        <source>Has anything changed since your last safety check?</source>
        <translation>前回の安全チェックから、何か変わったことはありますか？</translation>
    </message>
    <message>
        <source>New pain, numbness, weakness, or anything that feels different from usual.</source>
        <translation>新しい痛み、しびれ、力の入りにくさなど、いつもと違うと感じることです。</translation>
    </message>
    <message>
        <source>Nothing has changed</source>
        <translation>変わりありません</translation>
    </message>
    <message>
        <source>Show me the check</source>
        <translation>チェックを表示する</translation>
    </message>
</context>
</TS>
