package io.xspy.tui;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Tells of every SIGWINCH, even when a burst of resizes ends at the size it began with: Lanterna
 * reports a resize only when the size it reads differs, yet the terminal may have clipped or blanked
 * the screen meanwhile. Through reflection, as Lanterna does, so the build uses no internal API.
 */
final class WindowChanges {
    private WindowChanges() {}

    /**
     * Runs {@code then} on every SIGWINCH, then the handler installed before (Lanterna's, which
     * re-reads the size). Returns false where there is no such signal; resizes are still seen by size.
     */
    static boolean watch(Runnable then) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object winch = signalClass.getConstructor(String.class).newInstance("WINCH");
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Method handlerMethod = handlerClass.getMethod("handle", signalClass);
            Object[] previous = new Object[1];
            InvocationHandler chained = (proxy, method, args) -> {
                if (!method.equals(handlerMethod)) return method.invoke(previous, args); // Object's methods
                then.run();
                Object next = previous[0];
                if (next != null && !isDefault(handlerClass, next)) handlerMethod.invoke(next, args);
                return null;
            };
            Object handler = Proxy.newProxyInstance(WindowChanges.class.getClassLoader(), new Class<?>[] {handlerClass}, chained);
            previous[0] = handle.invoke(null, winch, handler);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** SIG_DFL and SIG_IGN are not handlers to call. */
    private static boolean isDefault(Class<?> handlerClass, Object h) throws ReflectiveOperationException {
        return h == handlerClass.getField("SIG_DFL").get(null) || h == handlerClass.getField("SIG_IGN").get(null);
    }
}
