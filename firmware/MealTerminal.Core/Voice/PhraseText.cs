namespace MealTerminal.Core.Voice
{
    /// <summary>
    /// What each phrase says, in Mandarin: the script a voice pack is recorded from (VoiceGen, a
    /// volunteer with a microphone) and the text a text-to-speech module is given. Spoken verdicts
    /// are shorter than the screens and say what to do next; an accepted meal says only 登记成功,
    /// the amount follows.
    /// </summary>
    public static class PhraseText
    {
        private static readonly string[] Texts =
        {
            string.Empty,
            "登记成功",
            "本餐已用过，每餐限用一次",
            "不在用餐时间，请在用餐时间刷卡",
            "未登记的卡，请联系工作人员登记",
            "此卡已暂停，请联系工作人员",
            "此卡已挂失，请联系工作人员",
            "此卡已注销，请联系工作人员",
            "请重新刷卡",
            "登记成功，存储将满",
            "存储已满，暂停登记，请联系管理员",
            "此卡无法识别，请使用助餐卡",
            "此卡不在有效期，请联系工作人员",
            "请付",
            "补贴全免，无需付费",
            "祝您用餐愉快",
            "零", "一", "二", "三", "四", "五", "六", "七", "八", "九",
            "两", "十", "百", "千", "万", "元", "角", "分",
            "今日用餐",
            "人次",
            "按类别统计",
            "今日刷卡情况",
            "数据上传",
            "终端身份冲突，请联系管理员",
        };

        /// <summary>The Mandarin text of a phrase; empty for an id this firmware does not know.</summary>
        public static string Of(int phrase)
        {
            return phrase > 0 && phrase < Texts.Length ? Texts[phrase] : string.Empty;
        }

        /// <summary>Number of texts; equals Phrase.Count (a test holds them together).</summary>
        public static int Count
        {
            get { return Texts.Length; }
        }
    }
}
