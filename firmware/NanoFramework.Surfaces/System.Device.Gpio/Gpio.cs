// Reference surface of NuGet package nanoFramework.System.Device.Gpio 1.1.57 (assembly System.Device.Gpio), read from
// nanoframework/System.Device.Gpio at tag v1.1.57. Pin events and PinValuePair are left out. Declaration-only.
namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input = 0, InputPullDown = 1, InputPullUp = 2, Output = 3, OutputOpenDrain = 4,
        OutputOpenDrainPullUp = 5, OutputOpenSource = 6, OutputOpenSourcePullDown = 7,
    }

    public enum PinNumberingScheme { Logical = 0, Board = 1 }

    public readonly struct PinValue
    {
        public static PinValue Low => throw null;
        public static PinValue High => throw null;
        public static implicit operator PinValue(int value) => throw null;
        public static implicit operator PinValue(bool value) => throw null;
        public static explicit operator byte(PinValue value) => throw null;
        public static explicit operator int(PinValue value) => throw null;
        public static explicit operator bool(PinValue value) => throw null;
        public static bool operator ==(PinValue a, PinValue b) => throw null;
        public static bool operator !=(PinValue a, PinValue b) => throw null;
        public bool Equals(PinValue other) => throw null;
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
        public override string ToString() => throw null;
    }

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() { }
        public int PinNumber => throw null;
        public PinMode GetPinMode() => throw null;
        public void SetPinMode(PinMode value) { }
        public PinValue Read() => throw null;
        public void Write(PinValue value) { }
        public void Toggle() { }
        public bool IsPinModeSupported(PinMode pinMode) => throw null;
        public TimeSpan DebounceTimeout { get => throw null; set { } }
        public void Dispose() { }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController() { }
        public GpioController(PinNumberingScheme numberingScheme) { }
        public PinNumberingScheme NumberingScheme => throw null;
        public int PinCount => throw null;
        public PinMode GetPinMode(int pinNumber) => throw null;
        public bool IsPinModeSupported(int pinNumber, PinMode mode) => throw null;
        public GpioPin OpenPin(int pinNumber) => throw null;
        public GpioPin OpenPin(int pinNumber, PinMode mode) => throw null;
        public void ClosePin(int pinNumber) { }
        public bool IsPinOpen(int pinNumber) => throw null;
        public void SetPinMode(int pinNumber, PinMode mode) { }
        public PinValue Read(int pinNumber) => throw null;
        public void Write(int pinNumber, PinValue value) { }
        public void Dispose() { }
    }
}
