// Fixture, not compiled by the test project: code using the nanoFramework packages beyond mscorlib
// (nanoFramework.System.Text, nanoFramework.System.Collections, nanoFramework.System.Math).
using System;
using System.Collections;
using System.Text;

namespace Fixture
{
    public static class Report
    {
        public static byte[] Encode(Hashtable countsByPeriod, Queue pending)
        {
            var text = new StringBuilder(64);
            foreach (DictionaryEntry entry in countsByPeriod)
            {
                text.Append((string)entry.Key).Append('=').Append((int)entry.Value).AppendLine();
            }
            while (pending.Count > 0)
            {
                text.Append((string)pending.Dequeue());
            }
            int longest = 0;
            foreach (object key in countsByPeriod.Keys)
            {
                longest = Math.Max(longest, ((string)key).Length);
            }
            text.Append(longest);
            byte[] utf8 = Encoding.UTF8.GetBytes(text.ToString());
            string back = Encoding.UTF8.GetString(utf8, 0, utf8.Length);
            return back.Length == 0 ? new byte[0] : utf8;
        }
    }
}
