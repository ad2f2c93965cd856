using MealTerminal.Core.Sync;
using nanoFramework.M2Mqtt.Messages;

namespace MealTerminal.Device.Adapters
{
    /// <summary>The broker, the terminal's identity and its topics (meal/v1/{site}/{terminal}/{channel}).</summary>
    public sealed class MqttEndpoint
    {
        public MqttEndpoint(string host, int port, string site, string terminal, string user, string password)
        {
            Host = host;
            Port = port;
            User = user;
            Password = password;
            ClientId = "terminal-" + site + "-" + terminal;
            string root = "meal/v1/" + site + "/" + terminal + "/";
            Topics = new string[UplinkChannel.Names.Length];
            int downstream = 0;
            for (int i = 0; i < Topics.Length; i++)
            {
                Topics[i] = i == 0 ? string.Empty : root + UplinkChannel.Names[i];
                downstream += i > 0 && UplinkChannel.IsDownstream(i) ? 1 : 0;
            }

            DownstreamFilters = new string[downstream];
            DownstreamLevels = new MqttQoSLevel[downstream];
            for (int i = 1, k = 0; i < Topics.Length; i++)
            {
                if (UplinkChannel.IsDownstream(i))
                {
                    DownstreamFilters[k] = Topics[i];
                    DownstreamLevels[k] = MqttQoSLevel.AtLeastOnce;
                    k++;
                }
            }
        }

        public string Host { get; private set; }
        public int Port { get; private set; }
        public string ClientId { get; private set; }
        public string User { get; private set; }
        public string Password { get; private set; }
        public string[] Topics { get; private set; }
        public string[] DownstreamFilters { get; private set; }
        public MqttQoSLevel[] DownstreamLevels { get; private set; }
    }
}
