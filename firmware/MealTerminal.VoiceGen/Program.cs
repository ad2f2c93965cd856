using MealTerminal.Core.Voice;
using MealTerminal.VoiceGen;

// Usage: MealTerminal.VoiceGen <output.vpk> [--version N] [--rate 8000] [--voice cmn-latn-pinyin] [--language cmn] [--speed 175]
// Needs espeak-ng on the PATH (Debian: apt-get install espeak-ng). The pack it writes is data the repo ships.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: MealTerminal.VoiceGen <output.vpk> [--version N] [--rate HZ] [--voice NAME] [--language TAG] [--speed WPM]");
    return 2;
}

string Option(string name, string fallback)
{
    int at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}

uint version = uint.Parse(Option("--version", "1"));
int rate = int.Parse(Option("--rate", "8000"));
string voice = Option("--voice", "cmn-latn-pinyin"); // plain "cmn" reads characters missing from its dictionary as English
string language = Option("--language", "cmn");
int speed = int.Parse(Option("--speed", "175"));

var clips = new byte[Phrase.Count][];
double seconds = 0;
for (int phrase = 1; phrase < Phrase.Count; phrase++)
{
    var speech = Espeak.Speak(PhraseText.Of(phrase), voice, speed);
    clips[phrase] = ClipShaper.ToPcm8(speech.Samples, speech.SampleRate, rate);
    seconds += clips[phrase].Length / (double)rate;
}

byte[] pack = VoicePackFormat.Build(version, rate, language, clips);
File.WriteAllBytes(args[0], pack);
Console.WriteLine($"{Phrase.Count - 1} clips, {seconds:F1} s of speech, {pack.Length:N0} bytes written to {args[0]}");
return 0;
