// Reference surface of NuGet package nanoFramework.System.Net 1.11.x (assembly System.Net): only the
// certificate type that MqttClient's constructor names. Sockets are not declared (the core never uses them).
namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate(byte[] certificate) { }
    }
}
