package dev.jinju.alert;

/** Delivers a notification over one kind of channel; throws when the channel did not accept it. */
public interface ChannelSender {
    void send(String channelName, AlertsConfig.ChannelConfig channel, AlertNotification n) throws Exception;
}
