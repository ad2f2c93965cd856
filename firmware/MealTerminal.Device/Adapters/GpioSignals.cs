using System.Device.Gpio;
using MealTerminal.Drivers.Feedback;

namespace MealTerminal.Device.Adapters
{
    /// <summary>Drives the buzzer transistor and the two LEDs from the pattern player, once per main-loop pass.</summary>
    public sealed class GpioSignals
    {
        private readonly PatternPlayer player;
        private readonly GpioPin buzzer;
        private readonly GpioPin green;
        private readonly GpioPin red;
        private readonly GpioPin hostButton;
        private int written = -1;

        public GpioSignals(GpioController gpio, PatternPlayer player)
        {
            this.player = player;
            buzzer = gpio.OpenPin(PinMap.Buzzer, PinMode.Output);
            green = gpio.OpenPin(PinMap.GreenLed, PinMode.Output);
            red = gpio.OpenPin(PinMap.RedLed, PinMode.Output);
            hostButton = gpio.OpenPin(PinMap.HostButton, PinMode.InputPullUp);
        }

        /// <summary>True while the host button (to GND, internal pull-up) is pressed.</summary>
        public bool HostButtonPressed
        {
            get { return hostButton.Read() == PinValue.Low; }
        }

        public void Update(long nowMilliseconds)
        {
            player.Update(nowMilliseconds);
            if (player.Outputs != written)
            {
                written = player.Outputs;
                buzzer.Write(player.BuzzerOn ? PinValue.High : PinValue.Low);
                green.Write(player.GreenOn ? PinValue.High : PinValue.Low);
                red.Write(player.RedOn ? PinValue.High : PinValue.Low);
            }
        }
    }
}
