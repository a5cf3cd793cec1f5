package io.docindexer.bench;

import java.util.SplittableRandom;

/**
 * Japanese business prose for the benchmarks: a few paragraphs of the kind of sentences contracts,
 * minutes and notices are written in (authored for this project), shuffled per document number
 * and stamped with it, so no two documents are the same.
 */
final class JapaneseText {

    private static final String[] SENTENCES = {
        "本契約は、甲と乙との間における業務委託の条件を定めるものとする。",
        "乙は、善良なる管理者の注意をもって委託業務を遂行しなければならない。",
        "委託料は、毎月末日に締め切り、翌月末日までに銀行振込により支払う。",
        "本日の会議では、第三四半期の売上実績と来期の予算案について協議した。",
        "東日本地区の売上は前年同期比で十二パーセント増加した。",
        "物流費とエネルギー費は、おおむね予算の範囲内で推移している。",
        "新倉庫の建設費については、月末までに再見積もりを取得することとした。",
        "取引先との契約は、さらに二年間更新することで合意した。",
        "請求書の記載内容に誤りがある場合は、速やかに経理部までご連絡ください。",
        "個人情報は、利用目的の達成に必要な範囲内で適切に取り扱うものとする。",
        "納品物の検収は、受領後十営業日以内に完了するものとする。",
        "議事録は、次回の定例会議までに関係者へ配布する予定である。"
    };
    private static final int PARAGRAPHS = 4;
    private static final int SENTENCES_PER_PARAGRAPH = 5;

    private JapaneseText() {}

    static String document(int number) {
        SplittableRandom random = new SplittableRandom(number);
        StringBuilder text = new StringBuilder("文書番号 ").append(number).append('\n');
        for (int paragraph = 0; paragraph < PARAGRAPHS; paragraph++) {
            for (int sentence = 0; sentence < SENTENCES_PER_PARAGRAPH; sentence++) {
                text.append(SENTENCES[random.nextInt(SENTENCES.length)]);
            }
            text.append("（管理番号 ").append(number).append('-').append(paragraph).append("）\n\n");
        }
        return text.toString();
    }
}
