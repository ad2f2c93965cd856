using MealTerminal.Core.Display;
using MealTerminal.Core.Meals;
using MealTerminal.Core.Tests.Fakes;
using MealTerminal.Core.Voice;

namespace MealTerminal.Core.Tests.Voice;

public class VerdictPromptsTests
{
    [Theory]
    [InlineData(VerdictCode.Accepted, "登记成功祝您用餐愉快")]
    [InlineData(VerdictCode.AlreadyEaten, "本餐已用过，每餐限用一次")]
    [InlineData(VerdictCode.OutsidePeriod, "不在用餐时间，请在用餐时间刷卡")]
    [InlineData(VerdictCode.UnknownCard, "未登记的卡，请联系工作人员登记")]
    [InlineData(VerdictCode.CardSuspended, "此卡已暂停，请联系工作人员")]
    [InlineData(VerdictCode.CardLost, "此卡已挂失，请联系工作人员")]
    [InlineData(VerdictCode.ElderDeceased, "此卡已注销，请联系工作人员")]
    [InlineData(VerdictCode.TapAgain, "请重新刷卡")]
    [InlineData(VerdictCode.AcceptedStorageLow, "登记成功，存储将满祝您用餐愉快")]
    [InlineData(VerdictCode.StorageFull, "存储已满，暂停登记，请联系管理员")]
    [InlineData(VerdictCode.RandomUid, "此卡无法识别，请使用助餐卡")]
    [InlineData(VerdictCode.CardNotValid, "此卡不在有效期，请联系工作人员")]
    public void EveryVerdict_HasItsSpokenPhrase(int verdict, string spoken)
    {
        var prompt = new VoicePrompt();
        VerdictPrompts.ForTap(prompt, verdict, VerdictPrompts.NoAmount);
        Assert.Equal(spoken, RecordingVoice.Text(prompt));
    }

    [Fact]
    public void EveryTapVerdict_IsCovered_AndEveryPhraseHasAText()
    {
        Assert.Equal(Phrase.Count, PhraseText.Count);
        for (int phrase = 1; phrase < Phrase.Count; phrase++)
        {
            Assert.NotEqual(string.Empty, PhraseText.Of(phrase));
        }

        for (int verdict = 1; verdict < VerdictCode.Count; verdict++)
        {
            Assert.NotEqual("未知", VerdictScreens.Title(verdict)); // the screens and the voice cover the same codes
        }
    }

    [Theory]
    [InlineData(VerdictCode.Accepted, 350, "登记成功请付三元五角")]
    [InlineData(VerdictCode.Accepted, 0, "登记成功补贴全免，无需付费")]
    [InlineData(VerdictCode.AcceptedStorageLow, 1250, "登记成功，存储将满请付十二元五角")]
    [InlineData(VerdictCode.AlreadyEaten, 350, "本餐已用过，每餐限用一次")]
    public void AMeal_SaysWhatTheElderPays_ARefusalDoesNot(int verdict, int payFen, string spoken)
    {
        var prompt = new VoicePrompt();
        VerdictPrompts.ForTap(prompt, verdict, payFen);
        Assert.Equal(spoken, RecordingVoice.Text(prompt));
    }

    [Theory]
    [InlineData(0, 12, false, "今日用餐十二人次")]
    [InlineData(0, 0, false, "今日用餐零人次")]
    [InlineData(1, 12, false, "按类别统计")]
    [InlineData(2, 12, false, "今日刷卡情况")]
    [InlineData(3, 12, false, "数据上传")]
    [InlineData(3, 12, true, "终端身份冲突，请联系管理员")]
    public void EveryHostReviewPage_SaysItsHeading(int page, int meals, bool conflict, string spoken)
    {
        var prompt = new VoicePrompt();
        VerdictPrompts.ForHostReview(prompt, page, meals, conflict);
        Assert.Equal(spoken, RecordingVoice.Text(prompt));
    }
}
