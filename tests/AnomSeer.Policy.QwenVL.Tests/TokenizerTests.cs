using AnomSeer.Policy.QwenVL.Processing;

namespace AnomSeer.Policy.QwenVL.Tests;

/// <summary>The Qwen2 tokenizer on a tiny byte-level vocabulary written here, and the chat template.</summary>
public class TokenizerTests
{
    private static readonly string[] Added =
    [
        "<|endoftext|>", "<|im_start|>", "<|im_end|>", "<|vision_start|>", "<|vision_end|>", "<|vision_pad|>", "<|image_pad|>",
    ];

    /// <summary>GPT-2 bytes_to_unicode.</summary>
    internal static char[] ByteChars()
    {
        var chars = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++)
            chars[b] = (b is >= 33 and <= 126) || (b is >= 161 and <= 172) || (b is >= 174 and <= 255) ? (char)b : (char)next++;
        return chars;
    }

    /// <summary>256 byte tokens (id = byte), merges building "Hello", "Ġworld", "He", "ll"; added tokens from 300.</summary>
    internal static (Dictionary<string, int> Vocab, string[] Merges, Dictionary<string, (int, bool)> Added) Files()
    {
        var bytes = ByteChars();
        var vocab = new Dictionary<string, int>();
        for (int b = 0; b < 256; b++) vocab[bytes[b].ToString()] = b;
        string[] merges = ["H e", "l l", "He ll", "Hell o", "Ġ w", "o r", "Ġw or", "l d", "Ġwor ld"];
        int id = 256;
        foreach (var m in merges) vocab[m.Replace(" ", "")] = id++;
        var added = new Dictionary<string, (int, bool)>();
        for (int i = 0; i < Added.Length; i++) added[Added[i]] = (300 + i, true);
        added["<tool_call>"] = (310, false);
        return (vocab, merges, added);
    }

    internal static QwenTokenizer Tiny()
    {
        var (vocab, merges, added) = Files();
        return new QwenTokenizer(vocab, merges, added);
    }

    [Fact]
    public void HelloWorld_MergesByRank()
    {
        var tok = Tiny();
        int hello = 256 + 3, world = 256 + 8, space = ' ' + 0;
        Assert.Equal([hello, world], tok.Encode("Hello world"));
        // The pattern takes " Hello" as one piece; this vocabulary has no merge for "ĠH", so it is Ġ + Hello
        // (the real vocabulary has "ĠHello", 21927).
        Assert.Equal([space, hello, world], tok.Encode(" Hello world"));
    }

    [Fact]
    public void Digits_AreOneTokenEach()
    {
        Assert.Equal("12345".Select(c => (int)c).ToArray(), Tiny().Encode("12345"));
    }

    [Fact]
    public void SpecialTokens_AreSingleIds_AndSkippedOnDecode()
    {
        var tok = Tiny();
        var ids = tok.Encode("<|im_start|>user\nHello<|im_end|>");
        Assert.Equal(301, ids[0]);
        Assert.Equal(302, ids[^1]);
        Assert.Equal(302, tok.TokenId("<|im_end|>"));
        Assert.Equal("user\nHello", tok.Decode(ids));
        Assert.Equal("<|im_start|>user\nHello<|im_end|>", tok.Decode(ids, skipSpecialTokens: false));
        Assert.Equal(3, tok.Encode("<|image_pad|><|image_pad|><|image_pad|>").Count(i => i == 306));
    }

    [Theory]
    [InlineData("Hello world")]
    [InlineData("  spaces   and\r\n\ntabs\t!")]
    [InlineData("Ünïcödé, 日本語, emoji 🎉🙂, digits 0042")]
    [InlineData("it's THEY'RE we'll")]
    public void RoundTrip_IsTheNfcText(string text)
    {
        var tok = Tiny();
        Assert.Equal(text.Normalize(System.Text.NormalizationForm.FormC), tok.Decode(tok.Encode(text)));
    }

    [Fact]
    public void Nfc_IsAppliedBeforeEncoding()
    {
        var tok = Tiny();
        Assert.Equal(tok.Encode("\u00e9"), tok.Encode("e\u0301"));
    }

    [Fact]
    public void TokenizerJson_AndVocabMergesFiles_GiveTheSameTokenizer()
    {
        var (vocab, merges, added) = Files();
        string dir = Directory.CreateTempSubdirectory("qwen-tok").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "vocab.json"), System.Text.Json.JsonSerializer.Serialize(vocab));
            File.WriteAllLines(Path.Combine(dir, "merges.txt"), ["#version: 0.2", .. merges]);
            File.WriteAllText(Path.Combine(dir, "added_tokens.json"), System.Text.Json.JsonSerializer.Serialize(added.ToDictionary(a => a.Key, a => a.Value.Item1)));
            var fromFiles = QwenTokenizer.FromFolder(dir);
            var json = new System.Text.Json.Nodes.JsonObject
            {
                ["model"] = new System.Text.Json.Nodes.JsonObject
                {
                    ["type"] = "BPE",
                    ["vocab"] = System.Text.Json.JsonSerializer.SerializeToNode(vocab),
                    ["merges"] = new System.Text.Json.Nodes.JsonArray(merges.Select(m => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonArray(m.Split(' ')[0], m.Split(' ')[1])).ToArray()),
                },
                ["added_tokens"] = new System.Text.Json.Nodes.JsonArray(added.Select(a => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
                    { ["id"] = a.Value.Item1, ["content"] = a.Key, ["special"] = a.Value.Item2 }).ToArray()),
            };
            var fromJson = QwenTokenizer.FromTokenizerJson(json.ToJsonString());
            string text = "<|im_start|>Hello world 123<|im_end|>";
            Assert.Equal(fromJson.Encode(text), fromFiles.Encode(text));
            Assert.Equal([301, 256 + 3, 256 + 8, ' ', '1', '2', '3', 302], fromJson.Encode(text));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void ChatTemplate_OneImageThenText_IsTheSpecString()
    {
        var s = QwenChatTemplate.Render([new ChatMessage("user", [ChatContent.Image, new ChatContent("Describe this image.")])]);
        Assert.Equal("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\n<|vision_start|><|image_pad|><|vision_end|>Describe this image.<|im_end|>\n<|im_start|>assistant\n", s);
    }

    [Fact]
    public void ChatTemplate_SystemMessage_TwoImagesWithIds_AndAssistantTurn()
    {
        var s = QwenChatTemplate.Render(
        [
            ChatMessage.FromText("system", "Be brief."),
            new ChatMessage("user", [ChatContent.Image, ChatContent.Image, new ChatContent("Compare.")]),
            ChatMessage.FromText("assistant", "Same."),
        ], addGenerationPrompt: false, addVisionId: true);
        Assert.Equal("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nPicture 1: <|vision_start|><|image_pad|><|vision_end|>Picture 2: <|vision_start|><|image_pad|><|vision_end|>Compare.<|im_end|>\n<|im_start|>assistant\nSame.<|im_end|>\n", s);
    }

    [Fact]
    public void ChatTemplate_TextOnly()
    {
        Assert.Equal("<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
            QwenChatTemplate.Render([ChatMessage.FromText("user", "Hi")]));
    }

    [Fact]
    public void ImagePads_ExpandToOneTokenPerMergedPatch()
    {
        string text = "a<|image_pad|>b<|image_pad|>c";
        Assert.Equal("a" + string.Concat(Enumerable.Repeat("<|image_pad|>", 3)) + "b<|image_pad|>c", QwenChatTemplate.ExpandImagePads(text, [3, 1]));
        Assert.Throws<ArgumentException>(() => QwenChatTemplate.ExpandImagePads(text, [3]));
        var tok = Tiny();
        Assert.Equal(4, tok.Encode(QwenChatTemplate.ExpandImagePads(text, [3, 1])).Count(i => i == 306));
    }
}
